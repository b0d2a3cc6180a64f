using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary>
/// A command that POSTs <c>{ by, note }</c> for one resource named by its argument (<c>ack</c>, <c>confirm-ownership</c>)
/// and prints the answer as one line, or as JSON.
/// </summary>
internal static class NotedPostCommand
{
    /// <param name="path">The API path (no leading slash) for the argument's value, already escaped.</param>
    /// <param name="done">The line printed from the answer and the argument's value.</param>
    public static Command Create(
        OpsContext context,
        string name,
        string description,
        Argument<string> target,
        (string Note, string By) optionDescriptions,
        Func<string, string> path,
        Func<JsonElement, string, string> done)
    {
        var note = new Option<string?>("--note") { Description = optionDescriptions.Note };
        var by = new Option<string?>("--by") { Description = optionDescriptions.By };
        var command = new Command(name, $"{description} {OpsExitCodes.Help}") { target, note, by };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var id = call.Parse.GetRequiredValue(target);
            var answer = await call.Client.PostAsync(path(OpsQuery.Segment(id)), new { by = call.Parse.GetValue(by), note = call.Parse.GetValue(note) }, cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(answer);
            }
            else
            {
                call.Console.MarkupLine(Markup.Escape(done(answer, id)));
            }

            return OpsExitCodes.Ok;
        });
        return command;
    }
}
