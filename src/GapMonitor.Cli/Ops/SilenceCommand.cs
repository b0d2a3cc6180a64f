using System.CommandLine;
using System.Text.Json;
using System.Xml;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor silence SYSTEM --for PT4H --reason …</c>: mutes a system's alert notifications for planned work (the other party is told).</summary>
internal static class SilenceCommand
{
    public static Command Create(OpsContext context)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The system's id." };
        var duration = new Option<string>("--for") { Description = "How long, as an ISO 8601 duration (PT4H, P2D; at most P30D).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (shown to both parties).", Required = true };
        var kinds = new Option<string[]>("--kind") { Description = "Only alerts of this kind; repeatable (default: every kind)." };
        var by = new Option<string?>("--by") { Description = "Who silences." };
        var command = new Command("silence", $"Silence a system's alert notifications for a while; alerts still open and resolve. {OpsExitCodes.Help}")
        {
            system, duration, reason, kinds, by,
        };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var length = Duration(call.Parse.GetRequiredValue(duration));
            var chosen = call.Parse.GetValue(kinds) ?? [];
            var answer = await call.Client.PostAsync(
                "api/silences",
                new
                {
                    systemId = call.Parse.GetRequiredValue(system),
                    kinds = chosen.Length == 0 ? null : chosen,
                    endsAt = call.Time.GetUtcNow() + length,
                    reason = call.Parse.GetRequiredValue(reason),
                    by = call.Parse.GetValue(by),
                },
                cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(answer);
            }
            else
            {
                var silenced = answer.TryGetProperty("kinds", out var k) && k.ValueKind == JsonValueKind.Array && k.GetArrayLength() > 0
                    ? string.Join(", ", k.EnumerateArray().Select(e => e.ToString()))
                    : "every kind";
                call.Console.MarkupLine(Markup.Escape(
                    $"Silenced {OpsText.String(answer, "systemId")} ({silenced}) from {OpsText.Time(answer, "startsAt")} until {OpsText.Time(answer, "endsAt")}: " +
                    $"{OpsText.String(answer, "reason")}. Silence {OpsText.String(answer, "id")}; the other party is told."));
            }

            return OpsExitCodes.Ok;
        });
        return command;
    }

    private static TimeSpan Duration(string text)
    {
        TimeSpan length;
        try
        {
            length = XmlConvert.ToTimeSpan(text.Trim());
        }
        catch (FormatException)
        {
            throw new OpsUsageException($"--for must be an ISO 8601 duration such as PT4H or P2D, not '{text}'.");
        }

        return length > TimeSpan.Zero ? length : throw new OpsUsageException("--for must be longer than zero.");
    }
}
