using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary><c>--limit N</c>: how many items to list at most, following the API's pages.</summary>
internal static class LimitOption
{
    public const int Max = 100_000;

    public static Option<int> Create(int defaultLimit, string what)
    {
        var option = new Option<int>("--limit")
        {
            Description = $"List at most this many {what}, following the API's pages (default {defaultLimit}).",
            DefaultValueFactory = _ => defaultLimit,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > Max)
            {
                result.AddError($"--limit must be from 1 to {Max}.");
            }
        });
        return option;
    }
}
