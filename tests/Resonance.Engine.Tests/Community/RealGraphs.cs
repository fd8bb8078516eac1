using System.Globalization;
using System.IO.Compression;
using Resonance.Engine.Community;
using Resonance.Tests.Shared;

namespace Resonance.Engine.Tests.Community;

/// <summary>Loads the SNAP graphs in <c>../shared/data</c> (skipping the test when absent) as the engine sees them.</summary>
/// <remarks>Text edge lists (<c>#</c> comments, gzip allowed, CRLF tolerated); ids are compacted in ascending order, as
/// <c>resonance bench</c> and <c>bench/leiden-peers.sh</c> do; each directed line becomes one undirected edge of weight 1
/// (igraph's <c>as_undirected(mode="each")</c>).</remarks>
public static class RealGraphs
{
    private static readonly Lazy<UndirectedGraph> Email = new(() => Load("email-Eu-core/email-Eu-core.txt"));
    private static readonly Lazy<UndirectedGraph> Slashdot = new(() => Load("soc-Slashdot0902/soc-Slashdot0902.txt.gz"));

    public static UndirectedGraph EmailEuCore()
    {
        SharedData.File("email-Eu-core/email-Eu-core.txt");
        return Email.Value;
    }

    public static UndirectedGraph SocSlashdot0902()
    {
        SharedData.File("soc-Slashdot0902/soc-Slashdot0902.txt.gz");
        return Slashdot.Value;
    }

    /// <summary>The department (0–41) of each email-Eu-core member; member ids are 0–1004 in both files.</summary>
    public static int[] EmailDepartments()
    {
        var path = SharedData.File("email-Eu-core/email-Eu-core-department-labels.txt");
        var labels = new int[1005];
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            labels[int.Parse(fields[0], CultureInfo.InvariantCulture)] = int.Parse(fields[1], CultureInfo.InvariantCulture);
        }

        return labels;
    }

    private static UndirectedGraph Load(string relativePath)
    {
        var path = SharedData.File(relativePath);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var sources = new List<long>();
        var targets = new List<long>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            sources.Add(long.Parse(fields[0], CultureInfo.InvariantCulture));
            targets.Add(long.Parse(fields[1], CultureInfo.InvariantCulture));
        }

        var ids = sources.Concat(targets).Distinct().Order().ToArray();
        var index = new Dictionary<long, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        return UndirectedGraph.FromEdges(ids.Length, sources.Select(x => index[x]).ToArray(), targets.Select(x => index[x]).ToArray());
    }
}
