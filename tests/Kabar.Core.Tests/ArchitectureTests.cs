using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Kabar.Core.Tests;

/// <summary>Core stays pure (STYLE.md §1): no file system, console, network, environment or clock.</summary>
public class ArchitectureTests
{
    private static readonly Assembly s_core = typeof(Kabar.Pipeline.NewsPipeline).Assembly;

    private static readonly string[] s_forbiddenTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.Path", "System.Console",
        "System.Net.Http.HttpClient", "System.Diagnostics.Process",
    ];

    [Fact]
    public void Core_ReferencesNoIoTypes()
    {
        using var pe = new PEReader(File.OpenRead(s_core.Location));
        MetadataReader reader = pe.GetMetadataReader();
        List<string> referenced = [.. reader.TypeReferences.Select(h => reader.GetTypeReference(h))
            .Select(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name))];
        Assert.Empty(referenced.Intersect(s_forbiddenTypes));
    }

    [Fact]
    public void Core_NeverReadsTheClockOrEnvironment()
    {
        using var pe = new PEReader(File.OpenRead(s_core.Location));
        MetadataReader reader = pe.GetMetadataReader();
        List<string> members = [.. reader.MemberReferences.Select(h => reader.GetString(reader.GetMemberReference(h).Name))];
        Assert.DoesNotContain("get_Now", members);
        Assert.DoesNotContain("get_UtcNow", members);
        Assert.DoesNotContain("get_Today", members);
        Assert.DoesNotContain("GetEnvironmentVariable", members);
        Assert.DoesNotContain("get_CurrentDirectory", members);
    }

    [Fact]
    public void Core_PublicClassesAreSealedOrStatic()
    {
        List<Type> open = [.. s_core.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)];
        Assert.Empty(open);
    }

    [Fact]
    public void Core_OptionsAreRecords()
    {
        List<Type> options = [.. s_core.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))];
        Assert.NotEmpty(options);
        Assert.All(options, t => Assert.NotNull(t.GetMethod("<Clone>$")));
    }
}
