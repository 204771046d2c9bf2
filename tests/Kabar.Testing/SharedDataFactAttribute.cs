namespace Kabar.Testing;

/// <summary>
/// A test that reads <c>../shared</c> (seeds or evaluation data). On a machine without it the test is skipped
/// with a visible reason, so a fresh clone still passes; under CI (<c>CI=true</c>) it is never skipped, so a
/// missing folder fails the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePath)
    {
        string path = RepoPaths.SharedPath(relativePath);
        bool underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!underCi && !File.Exists(path) && !Directory.Exists(path))
        {
            Skip = $"needs {path} (the shared data beside the repository); runs under CI=true";
        }
    }
}
