using System.Buffers;
using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky.Syntax;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Reads a Bluesky repository export (<c>com.atproto.sync.getRepo</c>, a CAR v1 file) into canonical records.</summary>
/// <remarks>
/// <para>Spec: https://atproto.com/specs/repository. Two passes. The first reads the CAR sequentially
/// (<see cref="CarReader"/>), checks every block against its CID and notes where each block lies
/// (<see cref="CarBlocks"/>). The second decodes the root commit (<c>{did, version, data, rev?, prev, sig}</c>, repo
/// versions 2 and 3), walks the MST from <c>data</c> (<see cref="MstWalker"/>) and maps each record by its
/// <c>collection/rkey</c> (<see cref="BlueskyRecordMapper"/>), reading each record block by offset.</para>
/// <para>Record numbers in errors are 1-based CAR block indexes. A block that fails its CID check is an error at its
/// index; blocks the current tree does not reach (older commits' nodes and records in a history-bearing export) are
/// skipped and counted. Memory: the block offsets (see <see cref="CarBlocks"/>), never the records; a file of at most
/// 16 MiB is read into memory once, so its blocks need no read call each.</para>
/// </remarks>
public sealed class BlueskyCarReader : IPathRecordReader
{
    /// <summary>What blocks outside the repository's current tree are counted as.</summary>
    public const string NotInTree = "CAR block not in the repository's current tree (an older commit's, or unused)";

    /// <summary>Largest file read whole into memory.</summary>
    private const int WholeFileLimit = 16 << 20;

    public string Format => "bluesky";

    public string Description => "Bluesky repository export (CAR v1 from com.atproto.sync.getRepo): posts, likes, reposts, follows of the repo's DID.";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options) =>
        throw new NotSupportedException("A CAR file is binary; the importer reads it by path.");

    public long InputLength(string path) => new FileInfo(path).Length;

    public IEnumerable<SourceRecord> ReadPath(string path, ReaderOptions options, ReadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        return Records(path, options.Network ?? BlueskyRecordMapper.DefaultNetwork, progress);
    }

    private static IEnumerable<SourceRecord> Records(string path, string network, ReadProgress progress)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = file.Length;
        var half = length / 2;
        // A small repository is read whole once (a pooled buffer) and its blocks served from memory; a large one is
        // read sequentially, then its blocks are read back by offset, so memory stays bounded by WholeFileLimit.
        var whole = length <= WholeFileLimit ? ArrayPool<byte>.Shared.Rent((int)length) : null;
        try
        {
            Stream stream = file;
            CarBlocks blocks;
            if (whole is null)
            {
                blocks = new CarBlocks(file.SafeFileHandle);
            }
            else
            {
                file.ReadExactly(whole, 0, (int)length);
                stream = new MemoryStream(whole, 0, (int)length, writable: false);
                blocks = new CarBlocks(whole.AsMemory(0, (int)length));
            }
            foreach (var record in Records(path, network, progress, stream, blocks, half))
            {
                yield return record;
            }
        }
        finally
        {
            if (whole is not null)
            {
                ArrayPool<byte>.Shared.Return(whole);
            }
        }
        progress.Set(length);
    }

    private static IEnumerable<SourceRecord> Records(string path, string network, ReadProgress progress, Stream stream, CarBlocks blocks, long half)
    {
        var car = new CarReader(stream);
        while (car.TryRead(out var block))
        {
            if (block.Problem is { } problem)
            {
                blocks.Reject(block.Cid);
                yield return SourceRecord.Of(RecordError.At(path, block.Index, "cid", "block " + problem, block.Cid.ToString()));
                continue;
            }
            blocks.Add(block);
            progress.Set(car.Position / 2);
        }

        var (did, data, commitIndex) = Commit(blocks, car.Roots[0], path);
        var mapper = new BlueskyRecordMapper(network, path);
        var output = new List<SourceRecord>();
        foreach (var entry in new MstWalker(blocks, path).Walk(data, commitIndex))
        {
            output.Clear();
            ReadRecord(blocks, mapper, did, entry, path, output);
            foreach (var record in output)
            {
                yield return record;
            }
            progress.Set(half + blocks.BytesVisited / 2);
        }
        foreach (var index in blocks.Unvisited())
        {
            yield return SourceRecord.Skip(index, NotInTree);
        }
    }

    private static void ReadRecord(CarBlocks blocks, BlueskyRecordMapper mapper, string did, in MstEntry entry, string path, List<SourceRecord> output)
    {
        if (entry.Error is { } error)
        {
            output.Add(SourceRecord.Of(error));
            return;
        }
        var slash = entry.Key.IndexOf('/', StringComparison.Ordinal);
        var collection = slash < 0 ? entry.Key : entry.Key[..slash];
        var rkey = slash < 0 ? "" : entry.Key[(slash + 1)..];
        if (!Nsid.IsValid(collection) || !RecordKey.IsValid(rkey))
        {
            output.Add(SourceRecord.Of(RecordError.At(path, entry.NodeIndex, "e.k", "key must be 'collection/rkey' (an NSID and a record key)", entry.Key)));
            return;
        }
        try
        {
            if (blocks.TryReadMap(entry.Value, out var index, out var record))
            {
                mapper.Map(did, collection, rkey, record, index, output);
            }
            else if (!blocks.WasRejected(entry.Value))
            {
                output.Add(SourceRecord.Of(RecordError.At(path, entry.NodeIndex, "e.v", $"record {entry.Key} links to a block that is not in the file", entry.Value.ToString())));
            }
        }
        catch (DataModelException e)
        {
            output.Add(SourceRecord.Of(RecordError.At(path, entry.NodeIndex, "e.v", $"record block is not valid: {e.Message}", AtUri.Format(did, collection, rkey))));
        }
    }

    /// <summary>The repository DID and MST root from the root commit.</summary>
    /// <exception cref="InvalidDataException">The commit is missing or unreadable: no record can be named without it.</exception>
    private static (string Did, Cid Data, int Index) Commit(CarBlocks blocks, Cid root, string path)
    {
        try
        {
            if (!blocks.TryReadMap(root, out var index, out var commit))
            {
                throw new InvalidDataException($"{path}: the root commit block {root} is not in the file (or failed its CID check)");
            }
            var did = commit.String("did");
            return Did.IsValid(did) ? (did, commit.Link("data"), index)
                : throw new InvalidDataException($"{path}: block {index}: the commit's did is not a DID ({did})");
        }
        catch (DataModelException e)
        {
            throw new InvalidDataException($"{path}: the root commit is malformed: field '{e.Field}' {e.Message}", e);
        }
    }
}
