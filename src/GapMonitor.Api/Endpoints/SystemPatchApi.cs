using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>
/// <c>PATCH /api/systems/{id}</c> (RFC 7396 merge patch): the patched system is checked and stored exactly like a
/// <c>PUT</c> body. A customer may send only its own contacts, which replace the customer's and leave the vendor's.
/// </summary>
public sealed class SystemPatchApi(ApiPipeline pipeline, SystemScope scope, SystemRegistry registry, TimeProvider timeProvider)
{
    public const string MergePatchContentType = "application/merge-patch+json";

    private static readonly HashSet<string> BodyMembers = typeof(SystemRequest).GetProperties()
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    public Task<IResult> PatchAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        if (!IsMergePatch(http.Request.ContentType))
        {
            return Problems.UnsupportedMediaType(MergePatchContentType);
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return Problems.PreconditionRequired("Send If-Match with the ETag you read the system with (or * to change whatever is stored).");
        }

        if (ifMatch != "*" && ifMatch != found.System.ConfigETag)
        {
            return Problems.PreconditionFailed("The system changed since you read it (If-Match does not match its ETag). Read it again.");
        }

        var (patch, error) = await RequestBody.ReadJsonObjectAsync(http.Request, pipeline.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // Names are matched exactly: the body binds case-insensitively, so "Telemetry" would otherwise slip past the
        // merge as a new member and replace the stored telemetry instead of merging into it.
        if (patch!.Select(p => p.Key).FirstOrDefault(k => !BodyMembers.Contains(k)) is { } unknown)
        {
            return Problems.Validation(unknown, $"Not a field of the system body; fields are {string.Join(", ", BodyMembers.Order(StringComparer.Ordinal))} (case-sensitive).");
        }

        var contacts = patch!.TryGetPropertyValue(SystemEditRules.CustomerEditableField, out var sent) ? sent : null;
        if (contacts is not null and not JsonArray)
        {
            return Problems.Validation("contacts", "An array of contacts.");
        }

        var contactParties = (contacts as JsonArray ?? []).Select(PartyOf).ToList();
        if (SystemEditRules.RefusedField(principal!, patch.Select(p => p.Key), contactParties) is { } refused)
        {
            return Problems.ForbiddenField(refused, principal!.Role == Role.Vendor
                ? "A vendor's merge patch replaces the vendor's contacts only; the customer keeps its own (a PUT with every contact replaces them all)."
                : "A customer key may change only the contacts of party \"customer\".");
        }

        var current = JsonSerializer.SerializeToNode(found.System.ToRequest(withTelemetry: patch.ContainsKey("telemetry"), withPerformance: patch.ContainsKey("performance")), ApiJson.Options)!.AsObject();
        JsonNode? merged;
        if (principal!.Role is Role.Customer or Role.Vendor && patch.ContainsKey(SystemEditRules.CustomerEditableField))
        {
            var rest = patch.DeepClone().AsObject();
            rest.Remove(SystemEditRules.CustomerEditableField);
            merged = WithContactsOf(principal.Role == Role.Vendor ? Party.Vendor : Party.Customer, (JsonObject)JsonMergePatch.Apply(current, rest)!, contacts as JsonArray);
        }
        else
        {
            merged = JsonMergePatch.Apply(current, patch);
        }

        SystemRequest? request;
        try
        {
            request = merged.Deserialize<SystemRequest>(ApiJson.Options);
        }
        catch (JsonException ex)
        {
            return Problems.Validation(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$').TrimStart('.'), "This value has the wrong type or format.");
        }

        if (request is null)
        {
            return Problems.Validation("body", "A JSON object is required.");
        }

        var now = timeProvider.GetUtcNow();
        // RFC 7396: a member set to null is removed. The validator keeps stored telemetry when the body has none (PUT's
        // v1 rule), so an explicit "telemetry": null says it here; "performance": null likewise.
        var removesTelemetry = patch.TryGetPropertyValue("telemetry", out var telemetry) && telemetry is null;
        var removesPerformance = patch.TryGetPropertyValue("performance", out var performance) && performance is null;
        var existing = found.System with
        {
            Telemetry = removesTelemetry ? null : found.System.Telemetry,
            Performance = removesPerformance ? null : found.System.Performance,
        };
        var (system, validation) = SystemRequestValidator.Build(request, id, now, existing);
        if (system is not null)
        {
            foreach (var refusal in await registry.CheckOutboundAsync(system, found.System, principal, cancellationToken))
            {
                validation.Add(refusal.Field, refusal.Message);
            }
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await registry.UpdateAsync(system!, principal, cancellationToken) is not { } updated)
        {
            return Problems.PreconditionFailed("The system changed concurrently. Read it again.");
        }

        return ApiResponse.Json(StatusCodes.Status200OK, updated.ToResponse(now, principal)).WithHeader("ETag", updated.ConfigETag);
    }, cancellationToken);

    /// <summary>The body with <paramref name="party"/>'s contacts replaced by <paramref name="partyContacts"/> (none when null).</summary>
    private static JsonObject WithContactsOf(Party party, JsonObject current, JsonArray? partyContacts)
    {
        var stored = current["contacts"] as JsonArray ?? [];
        var replaced = SystemEditRules.ReplaceContactsOf(
            party,
            stored.Select(c => c?.DeepClone()),
            c => PartyOf(c) switch { "vendor" => Party.Vendor, "customer" => Party.Customer, _ => null },
            (partyContacts ?? []).Select(c => c?.DeepClone()));
        current["contacts"] = new JsonArray([.. replaced]);
        return current;
    }

    private static string? PartyOf(JsonNode? contact) =>
        contact is JsonObject o && o.TryGetPropertyValue("party", out var party) && party is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static bool IsMergePatch(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && string.Equals(parsed.MediaType, MergePatchContentType, StringComparison.OrdinalIgnoreCase);
}
