namespace GapMonitor.Api.Contracts;

/// <param name="Score">Share of the continuity practices met now (see the system's status), 0–100.</param>
public sealed record FleetContinuityResponse(int Score);
