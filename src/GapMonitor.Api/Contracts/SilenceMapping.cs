using GapMonitor.Core.Silences;

namespace GapMonitor.Api.Contracts;

internal static class SilenceMapping
{
    public static SilenceResponse ToResponse(this Silence s, DateTimeOffset now) => new(
        s.Id,
        s.SystemId,
        s.Kinds,
        s.StartsAt,
        s.EndsAt,
        s.Reason,
        s.By,
        ResponseMapping.Lower(s.CreatedBy),
        s.CreatedAt,
        s.HasEnded(now) ? "ended" : s.StartsAt > now ? "pending" : "active",
        s.EndedAt,
        s.EndedBy);
}
