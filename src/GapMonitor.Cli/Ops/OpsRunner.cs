using System.CommandLine;
using System.Text.Json;

namespace GapMonitor.Cli.Ops;

/// <summary>Runs an ops command's action and turns what can go wrong into its exit code and a message on stderr.</summary>
internal static class OpsRunner
{
    public static void SetAction(Command command, OpsConnection connection, OpsContext context, Func<OpsCall, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                using var client = connection.CreateClient(parse, context);
                return await action(new OpsCall(parse, client, connection.Json(parse), context), cancellationToken);
            }
            catch (OpsUsageException e)
            {
                await error.WriteLineAsync($"gapmonitor {command.Name}: {e.Message}");
                return OpsExitCodes.Usage;
            }
            catch (OpsUnreachableException e)
            {
                await error.WriteLineAsync($"gapmonitor {command.Name}: {e.Message}");
                return OpsExitCodes.Unreachable;
            }
            catch (OpsApiException e)
            {
                await WriteProblemAsync(error, command.Name, e);
                return OpsExitCodes.ApiError;
            }
        });
    }

    /// <summary>The problem's status and title, its detail, and each field error on a line of its own.</summary>
    private static async Task WriteProblemAsync(TextWriter error, string command, OpsApiException e)
    {
        if (e.Problem is not { ValueKind: JsonValueKind.Object } problem)
        {
            var body = e.Body.Length > 500 ? e.Body[..500] + "…" : e.Body;
            await error.WriteLineAsync($"gapmonitor {command}: the API answered {e.Status}{(body.Length > 0 ? ": " + body.Trim() : ".")}");
            return;
        }

        var title = Text(problem, "title") ?? "Error.";
        await error.WriteLineAsync($"gapmonitor {command}: {e.Status} {title}");
        if (Text(problem, "detail") is { } detail)
        {
            await error.WriteLineAsync($"  {detail}");
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(" ", field.Value.EnumerateArray().Select(m => m.ToString()))
                    : field.Value.ToString();
                await error.WriteLineAsync($"  {field.Name}: {messages}");
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
