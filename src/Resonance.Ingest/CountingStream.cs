namespace Resonance.Ingest;

/// <summary>A read-only pass-through stream that counts the bytes read from it, readable from another thread.</summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyPassThroughStream(inner)
{
    private readonly Stream _inner = inner;
    private long bytesRead;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => Volatile.Read(ref bytesRead);

    public override long Length => _inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    protected override int OnRead(int read, int requested)
    {
        Volatile.Write(ref bytesRead, bytesRead + read);
        return read;
    }
}
