using System.Globalization;
using System.IO.Compression;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>The <c>.js</c> files of a Twitter archive, in a folder or a <c>.zip</c>, found by name and opened as streams.</summary>
/// <remarks>
/// A folder is searched at its top level and in its <c>data/</c> subfolder (media folders are never listed); a zip at
/// any depth. Zip entries are decompressed while read, never extracted. Large archives split a data type into
/// <c>tweets.js</c>, <c>tweets-part1.js</c>, <c>tweets-part2.js</c> …; <see cref="Find"/> returns them in part order.
/// </remarks>
internal sealed class ArchiveMembers : IDisposable
{
    private readonly string path;
    private readonly ZipArchive? zip;
    private readonly List<Member> members;

    private ArchiveMembers(string path, ZipArchive? zip, List<Member> members)
    {
        this.path = path;
        this.zip = zip;
        this.members = members;
    }

    /// <summary>Opens a folder or a zip file.</summary>
    /// <exception cref="InvalidDataException">The file is not a zip archive.</exception>
    public static ArchiveMembers Open(string path)
    {
        if (Directory.Exists(path))
        {
            var folders = new[] { path, Path.Combine(path, "data") }.Where(Directory.Exists);
            var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.js"))
                .Select(f => new Member(Path.GetRelativePath(path, f).Replace('\\', '/'), Path.GetFileName(f), new FileInfo(f).Length))
                .ToList();
            return new ArchiveMembers(path, null, files);
        }
        var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries
            .Where(e => e.Name.EndsWith(".js", StringComparison.Ordinal))
            .Select(e => new Member(e.FullName, e.Name, e.Length))
            .ToList();
        return new ArchiveMembers(path, zip, entries);
    }

    /// <summary>The members holding data type <paramref name="name"/> (<c>tweets</c> finds <c>tweets.js</c> and its parts), in part order.</summary>
    public IReadOnlyList<string> Find(string name) =>
        [.. members.Select(m => (m.FullName, Part: PartNumber(m.Name, name)))
            .Where(m => m.Part >= 0)
            .OrderBy(m => m.Part).ThenBy(m => m.FullName, StringComparer.Ordinal)
            .Select(m => m.FullName)];

    /// <summary>Uncompressed length of a member.</summary>
    public long Length(string member) => members.First(m => m.FullName == member).Length;

    /// <summary>How a member is named in messages: <c>PATH/MEMBER</c>.</summary>
    public string Display(string member) => $"{path.TrimEnd('/', '\\')}/{member}";

    /// <summary>Opens a member for reading.</summary>
    public Stream OpenMember(string member) => zip is null
        ? new FileStream(Path.Combine(path, member), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
        : zip.GetEntry(member)!.Open();

    public void Dispose() => zip?.Dispose();

    /// <summary>0 for <c>NAME.js</c>, N for <c>NAME-partN.js</c>, -1 otherwise.</summary>
    private static int PartNumber(string fileName, string name)
    {
        if (!fileName.StartsWith(name, StringComparison.Ordinal) || !fileName.EndsWith(".js", StringComparison.Ordinal))
        {
            return -1;
        }
        var rest = fileName.AsSpan(name.Length, fileName.Length - name.Length - 3);
        if (rest.IsEmpty)
        {
            return 0;
        }
        return rest.StartsWith("-part") && int.TryParse(rest[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var part) ? part : -1;
    }

    private sealed record Member(string FullName, string Name, long Length);
}
