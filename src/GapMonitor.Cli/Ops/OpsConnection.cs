using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary>The options every ops command has: <c>--url</c>, <c>--key</c> and <c>--format</c>, with their environment fallbacks.</summary>
internal sealed class OpsConnection
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The service's address (env {OpsContext.UrlVariable}; default {OpsContext.DefaultUrl}).",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"API key (env {OpsContext.KeyVariable}). Never printed.",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "table, or json (the API's answer as it is, indented).",
        DefaultValueFactory = _ => "table",
    };

    public OpsConnection() => Format.AcceptOnlyFromAmong("table", "json");

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
        command.Options.Add(Format);
    }

    public bool Json(ParseResult parse) => parse.GetValue(Format) == "json";

    /// <summary>The client for the address and key the options (or the environment) name; <see cref="OpsUsageException"/> without a key or with a bad address.</summary>
    public OpsClient CreateClient(ParseResult parse, OpsContext context)
    {
        var url = NonEmpty(parse.GetValue(Url)) ?? NonEmpty(context.Environment(OpsContext.UrlVariable)) ?? OpsContext.DefaultUrl;
        var key = NonEmpty(parse.GetValue(Key)) ?? NonEmpty(context.Environment(OpsContext.KeyVariable))
            ?? throw new OpsUsageException($"No API key: pass --key or set {OpsContext.KeyVariable}.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.UserInfo))
        {
            throw new OpsUsageException($"--url must be an http or https address such as {OpsContext.DefaultUrl}, not '{url}'.");
        }

        // A base address ending in '/' keeps a path prefix (https://host/gapmonitor/) in front of api/….
        var baseAddress = new Uri(address.AbsoluteUri.EndsWith('/') ? address.AbsoluteUri : address.AbsoluteUri + "/");
        return new OpsClient(baseAddress, key, context);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
