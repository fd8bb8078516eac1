using System.Buffers.Binary;
using System.Globalization;
using Resonance.Engine.Graphs;

namespace Resonance.Cli.Bench;

/// <summary>Loads a graph for <c>resonance bench</c>: a binary int32 pair file, a text edge list, or an R-MAT spec.</summary>
/// <remarks>
/// Matches <c>../shared/bench/peer_pagerank.py</c> so that score vectors compare index by index: <c>.bin</c> files are
/// little-endian int32 (source, target) pairs used as node ids directly; text files are <c>src dst [weight]</c> lines
/// (<c>#</c> comments) whose ids are compacted to 0..n-1 in ascending numeric order.
/// </remarks>
internal static class EdgeListLoader
{
    public sealed record LoadedGraph(int NodeCount, int[] Sources, int[] Targets, string Description);

    public static LoadedGraph Load(string spec, ulong seed)
    {
        if (spec.StartsWith("rmat:", StringComparison.Ordinal))
        {
            var parts = spec.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var scale) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var factor))
            {
                throw new FormatException($"'{spec}' is not rmat:SCALE:EDGEFACTOR (for example rmat:22:16).");
            }
            var (src, dst, n) = RmatGenerator.Generate(scale, factor, seed);
            return new LoadedGraph(n, src, dst, $"R-MAT scale {scale}, edge factor {factor}, seed {seed}");
        }
        if (!File.Exists(spec))
        {
            throw new FileNotFoundException($"{spec}: file not found.", spec);
        }
        return spec.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) ? LoadBinary(spec) : LoadText(spec);
    }

    private static LoadedGraph LoadBinary(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % 8 != 0)
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes is not a whole number of int32 (source, target) pairs.");
        }
        var m = bytes.Length / 8;
        var src = new int[m];
        var dst = new int[m];
        var max = -1;
        for (var e = 0; e < m; e++)
        {
            src[e] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(e * 8));
            dst[e] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(e * 8 + 4));
            if (src[e] < 0 || dst[e] < 0)
            {
                throw new InvalidDataException($"{path}: pair {e + 1} has a negative node id.");
            }
            max = Math.Max(max, Math.Max(src[e], dst[e]));
        }
        return new LoadedGraph(max + 1, src, dst, $"{path} (binary pairs)");
    }

    private static LoadedGraph LoadText(string path)
    {
        var rawSrc = new List<long>();
        var rawDst = new List<long>();
        var line = 0L;
        Span<Range> fields = stackalloc Range[4];
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var span = text.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#' || span[0] == '%')
            {
                continue;
            }
            var count = span.SplitAny(fields, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (count < 2 || !long.TryParse(span[fields[0]], CultureInfo.InvariantCulture, out var s) || !long.TryParse(span[fields[1]], CultureInfo.InvariantCulture, out var d))
            {
                throw new InvalidDataException($"{path}:{line}: expected 'src dst [weight]' with integer ids ({text}).");
            }
            rawSrc.Add(s);
            rawDst.Add(d);
        }
        var ids = rawSrc.Concat(rawDst).Distinct().Order().ToArray();
        var index = new Dictionary<long, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }
        var src = rawSrc.Select(x => index[x]).ToArray();
        var dst = rawDst.Select(x => index[x]).ToArray();
        return new LoadedGraph(ids.Length, src, dst, $"{path} (text, ids compacted in ascending order)");
    }
}
