namespace Resonance.Tests.Shared;

/// <summary>Finds the real datasets in <c>../shared/data</c> beside the checkout (never copied into the repo).</summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The <c>shared/data</c> folder, or null when it is not beside the checkout.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Full path of a file under <c>shared/data</c>; skips the calling test with a reason when the data is absent.</summary>
    public static string File(string relativePath)
    {
        if (Root.Value is null)
        {
            Assert.Skip("../shared/data is not beside the checkout; real-data tests need it (CI always has it).");
        }
        var path = Path.Combine(Root.Value, relativePath);
        if (!System.IO.File.Exists(path))
        {
            Assert.Skip($"{path} is missing from ../shared/data.");
        }
        return path;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("RESONANCE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }
        var sourceDirectory = typeof(SharedData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ResonanceTestSourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, sourceDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
