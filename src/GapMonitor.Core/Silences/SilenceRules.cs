using GapMonitor.Core.Alerts;

namespace GapMonitor.Core.Silences;

/// <summary>The bounds every silence keeps, whoever creates it (API or action link).</summary>
public static class SilenceRules
{
    /// <summary>Silences always end: at most this long.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    /// <summary>A start this far in the past is allowed (clock skew, a request typed a minute ago); earlier is refused.</summary>
    public static readonly TimeSpan MaxStartInPast = TimeSpan.FromMinutes(5);

    /// <summary>A silence may be planned at most this far ahead.</summary>
    public static readonly TimeSpan MaxStartAhead = TimeSpan.FromDays(90);

    /// <summary>Current and future silences per system (ended ones do not count).</summary>
    public const int MaxPerSystem = 50;

    public const int MaxReasonLength = 1000;
    public const int MaxByLength = 200;

    /// <summary>Field errors, named as in the request body (<c>kinds[1]</c>, <c>endsAt</c>, …); empty when the draft is fine.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(SilenceDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<(string, string)>();
        if (draft.Kinds is { } kinds)
        {
            if (kinds.Count == 0)
            {
                errors.Add(("kinds", "Leave it out to silence every kind, or name at least one."));
            }

            for (var i = 0; i < kinds.Count; i++)
            {
                if (kinds[i] is null || !AlertKinds.All.Contains(kinds[i]))
                {
                    errors.Add(($"kinds[{i}]", $"One of {string.Join(", ", AlertKinds.All)}."));
                }
            }
        }

        var startsAt = draft.StartsAt ?? now;
        if (startsAt < now - MaxStartInPast)
        {
            errors.Add(("startsAt", $"At most {MaxStartInPast.TotalMinutes:0} minutes in the past (leave it out to start now)."));
        }
        else if (startsAt > now + MaxStartAhead)
        {
            errors.Add(("startsAt", $"At most {MaxStartAhead.TotalDays:0} days ahead."));
        }

        if (draft.EndsAt is not { } endsAt)
        {
            errors.Add(("endsAt", "Required: silences always end (ISO 8601 UTC)."));
        }
        else if (endsAt <= startsAt || endsAt <= now)
        {
            errors.Add(("endsAt", "Must lie after startsAt and in the future."));
        }
        else if (endsAt - startsAt > MaxDuration)
        {
            errors.Add(("endsAt", $"At most {MaxDuration.TotalDays:0} days after startsAt."));
        }

        if (string.IsNullOrWhiteSpace(draft.Reason))
        {
            errors.Add(("reason", "Required: say why (both parties see it)."));
        }
        else if (draft.Reason.Length > MaxReasonLength)
        {
            errors.Add(("reason", $"At most {MaxReasonLength} characters."));
        }

        if (draft.By?.Length > MaxByLength)
        {
            errors.Add(("by", $"At most {MaxByLength} characters."));
        }

        return errors;
    }

    /// <summary>The kinds a draft silences: as named (each once, in the order of <see cref="AlertKinds.All"/>), or all.</summary>
    public static IReadOnlyList<string> KindsOf(SilenceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return [.. AlertKinds.All.Where(k => draft.Kinds is null || draft.Kinds.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
