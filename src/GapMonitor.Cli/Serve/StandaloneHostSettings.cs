namespace GapMonitor.Cli.Serve;

public sealed record StandaloneHostSettings(string RepositoryRoot, string DataDirectory)
{
    public string? Urls { get; init; }
    public bool StartLocalStorage { get; init; } = true;
    public bool RunSchedules { get; init; } = true;

    /// <summary>Sweep queue consumers run in this process (with <see cref="RunSchedules"/>); 0: the timer only enqueues.</summary>
    public int Workers { get; init; } = 1;
    public IDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs before the GapMonitor registrations (which only add what is missing), e.g. to supply a TimeProvider.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
