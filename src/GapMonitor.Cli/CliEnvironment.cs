namespace GapMonitor.Cli;

/// <summary>Where the repository (and its pinned Azurite) and the git-ignored local data folder are.</summary>
internal static class CliEnvironment
{
    public static string RepositoryRoot =>
        Environment.GetEnvironmentVariable("GAPMONITOR_HOME") is { Length: > 0 } home ? home : FindRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    public static string DataDirectory =>
        Environment.GetEnvironmentVariable("GAPMONITOR_DATA") is { Length: > 0 } data ? data : Path.Combine(RepositoryRoot, ".data");

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GapMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
