namespace GapMonitor.Testing;

/// <summary>The repository's root folder (the one holding GapMonitor.sln), found upwards from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GapMonitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GapMonitor.sln above {AppContext.BaseDirectory}.");
    }
}
