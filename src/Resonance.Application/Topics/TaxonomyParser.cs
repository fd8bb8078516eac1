namespace Resonance.Application.Topics;

/// <summary>Reads taxonomy lines into topic definitions (see <see cref="TopicTaxonomy"/> for the format).</summary>
internal static class TaxonomyParser
{
    /// <summary>Parses <paramref name="sources"/> in order (later ones extend earlier ones); each is named in errors as
    /// <c>source:line</c>.</summary>
    public static List<TopicDefinition> Parse(IEnumerable<(string Source, string Text)> sources)
    {
        var order = new List<string>();
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, (List<string> Hash, List<string> Cash, List<string> Words)>(StringComparer.Ordinal);
        foreach (var (source, text) in sources)
        {
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
                    throw new TaxonomyFormatException($"{source}:{lineNo}: field 'topic': expected 'topic<TAB>parent<TAB>aliases', got '{line}'.");
                }

                var parent = fields.Length > 1 && fields[1].Trim().Length > 0 ? Name(fields[1]) : null;
                if (!aliases.TryGetValue(name, out var a))
                {
                    order.Add(name);
                    aliases[name] = a = ([name.Replace("-", "", StringComparison.Ordinal)], [], []);
                    parents[name] = parent;
                    declared[name] = $"{source}:{lineNo}";
                }
                else if (parent is not null)
                {
                    parents[name] = parent;
                    declared[name] = $"{source}:{lineNo}";
                }

                foreach (var alias in fields.Length > 2 ? fields[2].Split(',') : [])
                {
                    AddAlias(a, alias.Trim());
                }
            }
        }

        foreach (var name in order)
        {
            CheckParents(name, parents, declared);
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

    private static void CheckParents(string name, Dictionary<string, string?> parents, Dictionary<string, string> declared)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var p = parents[name]; p is not null; p = parents[p])
        {
            if (!parents.ContainsKey(p))
            {
                throw new TaxonomyFormatException($"{declared[name]}: field 'parent': topic '{name}' has unknown parent '{p}'.");
            }

            if (!seen.Add(p))
            {
                throw new TaxonomyFormatException($"{declared[name]}: field 'parent': topic '{name}' is its own ancestor through '{p}'.");
            }
        }
    }
}
