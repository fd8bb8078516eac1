using Resonance.Engine.Randomness;

namespace Resonance.Engine.Tests;

public sealed class EngineReferencesTests
{
    [Fact]
    public void EngineAssembly_References_OnlyTheBaseClassLibrary()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Runtime", "System.Collections", "System.Runtime.Intrinsics", "System.Threading",
            "System.Threading.Tasks.Parallel", "System.Memory", "System.Numerics.Vectors", "System.Runtime.InteropServices",
            "System.Linq", "System.Collections.Concurrent",
        };
        var references = typeof(SplitMix64).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(allowed.Contains(name), $"Resonance.Engine must use the base library only, but it references '{name}'."));
    }
}
