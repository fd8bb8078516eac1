using System.Globalization;
using System.IO.Compression;
using Resonance.Engine.Community;

namespace Resonance.Cli.Bench;

/// <summary>Loads the input of <c>resonance bench leiden</c>: an edge list through <see cref="EdgeListLoader"/> (gzip
/// text is decompressed first), symmetrised into an <see cref="UndirectedGraph"/>, and optional ground-truth labels.</summary>
internal static class LeidenBenchInput
{
    public sealed record Loaded(UndirectedGraph Graph, string Description, double LoadSeconds, double BuildSeconds, int[]? Labels);

    /// <summary>Loads and symmetrises the graph. <paramref name="simple"/> drops self-loops and gives every connected
    /// pair weight 1 (igraph's <c>as_undirected("collapse").simplify()</c>); otherwise each directed edge is one
    /// undirected edge of weight 1, so a reciprocated pair weighs 2 (igraph's <c>as_undirected("each")</c>).</summary>
    public static Loaded Load(string spec, ulong seed, bool simple, string? labelsPath)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? temporary = null;
        try
        {
            var path = spec;
            if (spec.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && File.Exists(spec))
            {
                temporary = Path.GetTempFileName();
                using (var input = new GZipStream(File.OpenRead(spec), CompressionMode.Decompress))
                using (var output = File.Create(temporary))
                {
                    input.CopyTo(output);
                }

                path = temporary;
            }

            var edges = EdgeListLoader.Load(path, seed);
            var labels = labelsPath is null ? null : LoadLabels(labelsPath, path, edges.NodeCount);
            var loadSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var graph = simple ? Simple(edges.NodeCount, edges.Sources, edges.Targets) : UndirectedGraph.FromEdges(edges.NodeCount, edges.Sources, edges.Targets);
            var description = edges.Description.Replace(temporary ?? "\0", spec, StringComparison.Ordinal);
            return new Loaded(graph, description, loadSeconds, clock.Elapsed.TotalSeconds, labels);
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>One edge of weight 1 per connected pair u ≠ v, however many directed edges join them.</summary>
    private static UndirectedGraph Simple(int n, int[] sources, int[] targets)
    {
        var summed = UndirectedGraph.FromEdges(n, sources, targets);
        var a = new List<int>();
        var b = new List<int>();
        for (var u = 0; u < n; u++)
        {
            foreach (var v in summed.Neighbors(u))
            {
                if (u < v)
                {
                    a.Add(u);
                    b.Add(v);
                }
            }
        }

        return UndirectedGraph.FromEdges(n, a.ToArray(), b.ToArray());
    }

    /// <summary>Reads <c>node label</c> lines; node ids are mapped the way <see cref="EdgeListLoader"/> compacts a text
    /// edge list (distinct ids in ascending order), so they line up with the graph. Nodes without a label get −1 − id,
    /// a label of their own.</summary>
    private static int[] LoadLabels(string labelsPath, string edgesPath, int nodeCount)
    {
        var index = new Dictionary<long, int>();
        if (!edgesPath.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            var ids = new SortedSet<long>();
            foreach (var line in File.ReadLines(edgesPath))
            {
                var fields = Fields(line);
                if (fields.Length >= 2)
                {
                    ids.Add(long.Parse(fields[0], CultureInfo.InvariantCulture));
                    ids.Add(long.Parse(fields[1], CultureInfo.InvariantCulture));
                }
            }

            foreach (var id in ids)
            {
                index[id] = index.Count;
            }
        }

        var labels = new int[nodeCount];
        for (var v = 0; v < nodeCount; v++)
        {
            labels[v] = -1 - v;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(labelsPath))
        {
            lineNumber++;
            var fields = Fields(line);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length < 2 || !long.TryParse(fields[0], CultureInfo.InvariantCulture, out var id) || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var label))
            {
                throw new InvalidDataException($"{labelsPath}:{lineNumber}: expected 'node label' with integer values ({line}).");
            }

            var node = index.Count == 0 ? id : index.GetValueOrDefault(id, -1);
            if (node >= 0 && node < nodeCount)
            {
                labels[node] = label;
            }
        }

        return labels;
    }

    private static string[] Fields(string line)
    {
        var text = line.Trim();
        return text.Length == 0 || text[0] is '#' or '%' ? [] : text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }
}
