using System.Text.Json;

namespace GapMonitor.Cli.Ops;

/// <summary>The API answered with an error status; <see cref="Problem"/> is its problem details when it sent JSON.</summary>
internal sealed class OpsApiException(int status, JsonElement? problem, string body)
    : Exception($"The API answered {status}.")
{
    public int Status { get; } = status;

    public JsonElement? Problem { get; } = problem;

    public string Body { get; } = body;
}
