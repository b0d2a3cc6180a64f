using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Systems;

namespace GapMonitor.Api.Requests;

/// <summary>Checks a registration or update body field by field and builds the domain system from it.</summary>
internal static partial class SystemRequestValidator
{
    private const int MaxContacts = 20;
    private const int MaxWebhookUrlLength = 2048;

    /// <summary>All contacts are stored in one table property (at most 32,767 characters); kept well below it.</summary>
    private const int MaxContactsJsonLength = 30_000;

    /// <summary>How far from now a handover may lie, either side: keeps every time the rules derive from it representable.</summary>
    public static readonly TimeSpan MaxHandoverDistance = TimeSpan.FromDays(3652);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}\\z")]
    internal static partial Regex TenantIdPattern();

    /// <summary>Validates <paramref name="request"/>; <paramref name="existing"/> is the stored system on update (id, registration and signals are kept).</summary>
    public static (MonitoredSystem? System, Validation Validation) Build(SystemRequest request, string generatedId, DateTimeOffset now, MonitoredSystem? existing)
    {
        var v = new Validation();
        var id = existing?.Id ?? request.Id ?? generatedId;
        if (existing is null && request.Id is not null && !SystemIds.IsValid(request.Id))
        {
            v.Add("id", "3–63 characters of a–z, 0–9 and '-'.");
        }
        else if (existing is not null && request.Id is not null && request.Id != existing.Id)
        {
            v.Add("id", "The id of a system cannot change.");
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            v.Add("name", "Required, at most 200 characters.");
        }

        CheckTenant(v, "vendor", request.Vendor);
        CheckTenant(v, "customer", request.Customer);

        // A system never changes tenant: its alerts, notifications and audit keep the vendor and customer they were
        // opened for, so moving it would leave its history visible to the old tenant. Retire it and register anew.
        if (existing is not null && request.Vendor is not null && request.Vendor != existing.Vendor)
        {
            v.Add("vendor", "The vendor of a system cannot change; retire it and register a new one.");
        }

        if (existing is not null && request.Customer is not null && request.Customer != existing.Customer)
        {
            v.Add("customer", "The customer of a system cannot change; retire it and register a new one.");
        }
        if (request.HandoverAt is null)
        {
            v.Add("handoverAt", "Required: when the system was (or will be) handed over, ISO 8601 UTC.");
        }
        else if ((request.HandoverAt.Value - now).Duration() > MaxHandoverDistance)
        {
            v.Add("handoverAt", "Must lie within 10 years of now, either side.");
        }

        if (request.Model is { } model && (string.IsNullOrWhiteSpace(model.Name) || model.Name.Length > 200 || model.Version?.Length > 100))
        {
            v.Add("model.name", "Required when model is given, at most 200 characters (version at most 100).");
        }

        var grace = Duration(v, "vendorGracePeriod", request.VendorGracePeriod, RegistrationDefaults.VendorGracePeriod, allowZero: true);
        var period = Duration(v, "monitoring.heartbeatPeriod", request.Monitoring?.HeartbeatPeriod, RegistrationDefaults.HeartbeatPeriod, allowZero: false);
        var heartbeatGrace = Duration(v, "monitoring.heartbeatGrace", request.Monitoring?.HeartbeatGrace, RegistrationDefaults.HeartbeatGrace, allowZero: true);
        var acknowledgeWithin = Duration(v, "acknowledgeWithin", request.AcknowledgeWithin, RegistrationDefaults.AcknowledgeWithin, allowZero: false);
        var remindEvery = Duration(v, "alerting.remindEvery", request.Alerting?.RemindEvery, RegistrationDefaults.RemindEvery, allowZero: false);
        var acknowledgementExpiresAfter = Duration(
            v, "alerting.acknowledgementExpiresAfter", request.Alerting?.AcknowledgementExpiresAfter, RegistrationDefaults.AcknowledgementExpiresAfter, allowZero: false);
        var confirmWithin = Duration(v, "ownership.confirmWithin", request.Ownership?.ConfirmWithin, RegistrationDefaults.ConfirmWithin, allowZero: false);
        var reconfirmEvery = Duration(v, "ownership.reconfirmEvery", request.Ownership?.ReconfirmEvery, RegistrationDefaults.ReconfirmEvery, allowZero: false);
        var graceEndingNotice = Duration(v, "graceEndingNotice", request.GraceEndingNotice, RegistrationDefaults.GraceEndingNotice, allowZero: false);
        AtLeastOneSecond(v, "ownership.confirmWithin", confirmWithin);
        AtLeastOneSecond(v, "ownership.reconfirmEvery", reconfirmEvery);
        AtLeastOneSecond(v, "graceEndingNotice", graceEndingNotice);
        AtLeastOneSecond(v, "alerting.remindEvery", remindEvery);
        AtLeastOneSecond(v, "alerting.acknowledgementExpiresAfter", acknowledgementExpiresAfter);
        if (period < TimeSpan.FromSeconds(1))
        {
            v.Add("monitoring.heartbeatPeriod", "At least PT1S.");
        }

        var contacts = Contacts(v, request.Contacts, existing?.Contacts);
        var telemetry = request.Telemetry is null ? existing?.Telemetry : TelemetryValidator.Build(v, request.Telemetry);
        var performance = request.Performance is null ? existing?.Performance : PerformanceValidator.Build(v, request.Performance);
        if (!v.IsValid)
        {
            return (null, v);
        }

        var system = new MonitoredSystem
        {
            Id = id,
            Name = name!,
            Vendor = request.Vendor!,
            Customer = request.Customer!,
            Model = request.Model is { } m ? new ModelInfo(m.Name!.Trim(), m.Version?.Trim()) : null,
            HandoverAt = request.HandoverAt!.Value.ToUniversalTime(),
            VendorGracePeriod = grace,
            Monitoring = new MonitoringSettings(period, heartbeatGrace),
            AcknowledgeWithin = acknowledgeWithin,
            Alerting = new AlertingSettings(remindEvery, acknowledgementExpiresAfter),
            Ownership = new OwnershipSettings(confirmWithin, reconfirmEvery),
            GraceEndingNotice = graceEndingNotice,
            Handover = existing is null ? new HandoverProgress() : existing.Handover,
            Contacts = contacts,
            RegisteredAt = existing?.RegisteredAt ?? now,
            RetiredAt = existing?.RetiredAt,
            Signals = existing?.Signals ?? new SignalState(),
            IngestKeyHash = existing?.IngestKeyHash,
            Silences = existing?.Silences ?? [],
            Telemetry = telemetry,
            Performance = performance,
            ConfigVersion = existing?.ConfigVersion,
            ETag = existing?.ETag,
        };
        return (system, v);
    }

    private static void AtLeastOneSecond(Validation v, string field, TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            v.Add(field, "At least PT1S.");
        }
    }

    private static void CheckTenant(Validation v, string field, string? value)
    {
        if (string.IsNullOrEmpty(value) || !TenantIdPattern().IsMatch(value))
        {
            v.Add(field, "Required: 1–63 characters of a–z, 0–9 and '-', starting with a letter or digit.");
        }
    }

    internal static TimeSpan Duration(Validation v, string field, string? text, TimeSpan fallback, bool allowZero)
    {
        if (text is null)
        {
            return fallback;
        }

        if (allowZero && (text == "PT0S" || text == "P0D"))
        {
            return TimeSpan.Zero;
        }

        if (!Durations.TryParse(text, out var value) || value > TimeSpan.FromDays(3650))
        {
            v.Add(field, "An ISO 8601 duration of days, hours, minutes or seconds, such as P14D or PT5M.");
            return fallback;
        }

        return value;
    }

    private static List<Contact> Contacts(Validation v, IReadOnlyList<ContactRequest>? requests, IReadOnlyList<Contact>? existing)
    {
        var contacts = new List<Contact>();
        if (requests is null || requests.Count == 0)
        {
            v.Add("contacts", "At least one contact is required: somebody has to be told.");
            return contacts;
        }

        if (requests.Count > MaxContacts)
        {
            v.Add("contacts", $"At most {MaxContacts} contacts.");
            return contacts;
        }

        for (var i = 0; i < requests.Count; i++)
        {
            var c = requests[i];
            var prefix = $"contacts[{i}]";
            if (c is null)
            {
                v.Add(prefix, "A contact object is required.");
                continue;
            }

            Party? party = c.Party switch { "vendor" => Party.Vendor, "customer" => Party.Customer, _ => null };
            if (party is null)
            {
                v.Add($"{prefix}.party", "Either \"vendor\" or \"customer\".");
            }

            if (c.Email is null && c.Webhook is null)
            {
                v.Add(prefix, "Give an email, a webhook, or both.");
            }

            if (c.Email is not null && !IsEmail(c.Email))
            {
                v.Add($"{prefix}.email", "Not a valid email address.");
            }

            WebhookEndpoint? webhook = null;
            if (c.Webhook is not null)
            {
                webhook = Webhook(v, $"{prefix}.webhook", c.Webhook, party, existing);
            }

            if (party is not null && (c.Email is null || IsEmail(c.Email)) && (c.Webhook is null || webhook is not null) && (c.Email is not null || webhook is not null))
            {
                contacts.Add(new Contact(party.Value, c.Email, webhook));
            }
        }

        if (JsonSerializer.Serialize(contacts, ApiJson.Options).Length > MaxContactsJsonLength)
        {
            v.Add("contacts", $"Too large in all: emails, webhook URLs and secrets together at most {MaxContactsJsonLength} characters.");
        }

        return contacts;
    }

    /// <summary>A webhook sent without its secret keeps the stored one when its party and URL are unchanged.</summary>
    private static WebhookEndpoint? Webhook(Validation v, string prefix, WebhookRequest request, Party? party, IReadOnlyList<Contact>? existing)
    {
        var valid = true;
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.UserInfo)
            || url.AbsoluteUri.Length > MaxWebhookUrlLength)
        {
            v.Add($"{prefix}.url", $"An absolute http(s) URL without credentials, at most {MaxWebhookUrlLength} characters.");
            valid = false;
        }

        var secret = request.Secret;
        if (secret is null && valid && party is not null)
        {
            secret = SystemEditRules.KeptSecret(existing, party.Value, url!);
        }

        if (secret is null && valid && existing is not null)
        {
            v.Add($"{prefix}.secret", "Required for a webhook URL this party does not have yet (an unchanged URL keeps its secret when secret is left out).");
            valid = false;
        }
        else if (!IsSigningSecret(secret))
        {
            v.Add($"{prefix}.secret", "A Standard Webhooks secret: \"whsec_\" followed by base64 of 16 to 128 random bytes (24–64 recommended).");
            valid = false;
        }

        return valid ? new WebhookEndpoint(url!, secret!) : null;
    }

    private static bool IsSigningSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[256];
        return Convert.TryFromBase64String(secret["whsec_".Length..], buffer, out var length) && length is >= 16 and <= 128;
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);
}
