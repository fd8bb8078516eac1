namespace Resonance.Application.Topics;

/// <summary>Reads taxonomy lines into topic definitions (see <see cref="TopicTaxonomy"/> for the format).</summary>
internal static class TaxonomyParser
{
    public static List<TopicDefinition> Parse(IEnumerable<string> texts)
    {
        var order = new List<string>();
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, (List<string> Hash, List<string> Cash, List<string> Words)>(StringComparer.Ordinal);
        var fileNo = 0;
        foreach (var text in texts)
        {
            fileNo++;
            var lineNo = 0;
            foreach (var raw in text.Split('\n'))
            {
                lineNo++;
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var fields = line.Split('\t');
                var name = Name(fields[0]);
                if (name.Length == 0 || fields.Length > 3)
                {
                    throw new FormatException($"taxonomy file {fileNo}, line {lineNo}: expected 'topic<TAB>parent<TAB>aliases', got '{line}'.");
                }

                var parent = fields.Length > 1 && fields[1].Trim().Length > 0 ? Name(fields[1]) : null;
                if (!aliases.TryGetValue(name, out var a))
                {
                    order.Add(name);
                    aliases[name] = a = ([name.Replace("-", "", StringComparison.Ordinal)], [], []);
                    parents[name] = parent;
                }
                else if (parent is not null)
                {
                    parents[name] = parent;
                }

                foreach (var alias in fields.Length > 2 ? fields[2].Split(',') : [])
                {
                    AddAlias(a, alias.Trim());
                }
            }
        }

        foreach (var name in order)
        {
            CheckParents(name, parents);
        }

        return [.. order.Select(n => new TopicDefinition(n, parents[n], aliases[n].Hash, aliases[n].Cash, aliases[n].Words))];
    }

    private static string Name(string s) => s.Trim().ToLowerInvariant();

    private static void AddAlias((List<string> Hash, List<string> Cash, List<string> Words) a, string alias)
    {
        if (alias.Length < 2 && !(alias.Length == 1 && char.IsLetterOrDigit(alias[0])))
        {
            return;
        }

        var (list, value) = alias[0] switch
        {
            '#' => (a.Hash, alias[1..].ToLowerInvariant()),
            '$' => (a.Cash, alias[1..].ToLowerInvariant()),
            _ => (a.Words, alias),
        };
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void CheckParents(string name, Dictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var p = parents[name]; p is not null; p = parents[p])
        {
            if (!parents.ContainsKey(p))
            {
                throw new FormatException($"taxonomy: topic '{name}' has unknown parent '{p}'.");
            }

            if (!seen.Add(p))
            {
                throw new FormatException($"taxonomy: topic '{name}' is its own ancestor through '{p}'.");
            }
        }
    }
}
