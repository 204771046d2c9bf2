namespace Kabar.Testing;

/// <summary>Paths of the repository and of the shared evaluation data beside it.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding Kabar.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled sample articles.</summary>
    public static string Samples => Path.Combine(Root, "samples", "articles");

    /// <summary>A sample article by file name.</summary>
    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>The shared data folder (<c>../shared</c> beside the repository), whether or not it exists.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A path inside the shared folder.</summary>
    public static string SharedPath(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kabar.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kabar.slnx not found above " + AppContext.BaseDirectory);
    }
}
