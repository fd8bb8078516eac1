using System.Buffers;
using System.Text.Json;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>
/// Streams the JSON assigned in one Twitter archive <c>.js</c> file (<c>window.YTD.tweets.part0 = [ … ]</c> or
/// <c>window.__THAR_CONFIG = { … }</c>): each array element, or the one object, as UTF-8 bytes with its line number.
/// </summary>
/// <remarks>
/// Everything up to the first <c>=</c> is skipped. The bytes are read in blocks into a pooled buffer and each element
/// is delimited with <see cref="Utf8JsonReader.TrySkip"/>, refilling when the element is not complete yet, so memory is
/// the largest element, not the file. After a JSON syntax error the rest of the file cannot be delimited reliably:
/// <see cref="MoveNext"/> returns false and <see cref="ErrorMessage"/> says what went wrong.
/// </remarks>
internal sealed class ArchiveJsFile : IDisposable
{
    private const int BlockLength = 1 << 16;

    private readonly Stream input;
    private readonly ReadProgress progress;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockLength * 2);
    private int position;
    private int end;
    private int counted;
    private long line = 1;
    private bool endOfInput;
    private State state = State.Prefix;
    private int currentStart;
    private int currentLength;

    /// <summary>Reads <paramref name="input"/> (owned: disposed with this), advancing <paramref name="progress"/> by the bytes read.</summary>
    public ArchiveJsFile(Stream input, ReadProgress progress)
    {
        this.input = input;
        this.progress = progress;
    }

    private enum State { Prefix, Value, FirstElement, NextElement, Done }

    /// <summary>The current element's JSON; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Current => buffer.AsSpan(currentStart, currentLength);

    /// <summary>1-based line on which the current element starts, or where the error is.</summary>
    public long Line { get; private set; }

    /// <summary>Why reading stopped early (a clause), or null.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The text near the error.</summary>
    public string ErrorText { get; private set; } = "";

    /// <summary>Advances to the next element; false at the end of the file or after an error.</summary>
    public bool MoveNext()
    {
        try
        {
            return Advance();
        }
        catch (JsonException ex)
        {
            return Fail("is not valid JSON; the rest of the file was not read", Line + (ex.LineNumber ?? 0));
        }
    }

    private bool Advance()
    {
        switch (state)
        {
            case State.Prefix:
                if (!SkipPrefix())
                {
                    return Fail("has no 'window.… =' assignment");
                }
                state = State.Value;
                return Advance();
            case State.Value:
                if (!TryPeek(out var first))
                {
                    return Fail("has nothing after '='");
                }
                if (first == (byte)'[')
                {
                    position++;
                    state = State.FirstElement;
                    return Advance();
                }
                state = State.Done;
                return first == (byte)'{' ? ReadElement() : Fail("must assign a JSON array or object after '='");
            case State.FirstElement or State.NextElement:
                if (!TryPeek(out var next))
                {
                    return Fail("ends before the array's closing ']'");
                }
                if (next == (byte)']')
                {
                    state = State.Done;
                    return false;
                }
                if (state == State.NextElement)
                {
                    if (next != (byte)',')
                    {
                        return Fail("needs ',' or ']' after an array element");
                    }
                    position++;
                }
                state = State.NextElement;
                return ReadElement();
            default:
                return false;
        }
    }

    private bool ReadElement()
    {
        if (!TryPeek(out _))
        {
            return Fail("ends before the array's closing ']'");
        }
        line += buffer.AsSpan(counted, position - counted).Count((byte)'\n');
        counted = position;
        Line = line;
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(position, end - position), endOfInput, default);
            if (reader.Read() && reader.TrySkip())
            {
                currentStart = position;
                currentLength = (int)reader.BytesConsumed;
                position += currentLength;
                return true;
            }
            if (endOfInput)
            {
                return Fail("ends inside an element", Line);
            }
            Fill();
        }
    }

    private bool SkipPrefix()
    {
        while (true)
        {
            var equals = buffer.AsSpan(position, end - position).IndexOf((byte)'=');
            if (equals >= 0)
            {
                position += equals + 1;
                return true;
            }
            position = end;
            if (endOfInput)
            {
                return false;
            }
            Fill();
        }
    }

    private bool TryPeek(out byte value)
    {
        while (true)
        {
            while (position < end && buffer[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                position++;
            }
            if (position < end)
            {
                value = buffer[position];
                return true;
            }
            if (endOfInput)
            {
                value = 0;
                return false;
            }
            Fill();
        }
    }

    /// <summary>Keeps the unread bytes from <see cref="position"/> on, growing the buffer when they fill it, and reads a block.</summary>
    private void Fill()
    {
        line += buffer.AsSpan(counted, position - counted).Count((byte)'\n');
        var pending = end - position;
        if (pending + BlockLength > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, pending + BlockLength));
            buffer.AsSpan(position, pending).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        else
        {
            buffer.AsSpan(position, pending).CopyTo(buffer);
        }
        position = counted = 0;
        end = pending;
        var read = input.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfInput = true;
        }
        end += read;
        progress.Advance(read);
    }

    /// <summary>Stops reading; the error is at <paramref name="errorLine"/>, or at the current position when null.</summary>
    private bool Fail(string message, long? errorLine = null)
    {
        Line = errorLine ?? line + buffer.AsSpan(counted, position - counted).Count((byte)'\n');
        ErrorMessage = message;
        ErrorText = TwitterJson.Excerpt(buffer.AsSpan(position, end - position));
        state = State.Done;
        currentLength = 0;
        return false;
    }

    public void Dispose()
    {
        input.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
