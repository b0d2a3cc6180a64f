namespace GapMonitor.Api.Contracts;

/// <summary>One continuous-software-engineering practice and whether the evidence says it is kept up after handover.</summary>
public sealed record PracticeResponse(string Practice, string Status, string Evidence);
