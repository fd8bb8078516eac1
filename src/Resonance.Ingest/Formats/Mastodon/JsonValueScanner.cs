using System.Text;
using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>One value cut out of a JSON input by <see cref="JsonValueScanner"/>: a parsed document or a syntax error.</summary>
/// <param name="Document">The value; it borrows the scanner's buffer, so it is valid only until the next
/// <see cref="JsonValueScanner.Next"/>. Null for an error.</param>
/// <param name="Utf8">The value's bytes (the document's backing memory), to find the lines of its parts.</param>
/// <param name="Line">1-based line where the value starts (for an error: where the error is).</param>
/// <param name="Response">1-based number of the top-level value (the API response) this value belongs to.</param>
/// <param name="Error">The syntax error, or null.</param>
/// <param name="TopLevel">True for a whole top-level value, false for an element or property value cut out of one.</param>
internal readonly record struct ScannedValue(JsonDocument? Document, ReadOnlyMemory<byte> Utf8, long Line, long Response, RecordError? Error, bool TopLevel = false);

/// <summary>
/// Cuts a UTF-8 JSON input into small values, streaming: memory stays flat however long the input is.
/// </summary>
/// <remarks>
/// <para>The input is any number of top-level JSON values separated by whitespace: one object, one array, or JSON Lines.
/// Arrays are never parsed whole: each element is scanned on its own (nested arrays likewise). An object is parsed
/// whole when it is at most <see cref="MaxWholeObject"/> bytes; a larger one is walked instead, and only the values of
/// its <paramref name="streamedProperties"/> are scanned (an Activity Streams outbox's <c>orderedItems</c>, a context's
/// <c>descendants</c>), the rest being skipped.</para>
/// <para>A syntax error is reported once with its line. When the broken value lies on one line (JSON Lines), scanning
/// resumes at the next line; in a value spanning several lines nothing after the error can be trusted, so scanning
/// stops.</para>
/// </remarks>
internal sealed class JsonValueScanner(Stream input, string file, IReadOnlySet<string> streamedProperties)
{
    /// <summary>Largest object parsed as one document; larger objects are walked property by property.</summary>
    public const int MaxWholeObject = 16 << 20;

    private const int InitialBuffer = 1 << 20;
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true, MaxDepth = 256 };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private readonly Stack<bool> containers = new(); // true: a walked object; false: a streamed array
    private byte[] buffer = new byte[InitialBuffer];
    private int start;
    private int end;
    private bool endOfInput;
    private long linesToSkip;
    private bool stopped;
    private long line = 1;
    private long topLevelLine = 1;
    private long stateFirstLine = 1; // the reader state counts lines from here (0-based)
    private long response;
    private JsonReaderState state = new(Options);

    private enum Step { Continue, Yield, NeedData, End }

    /// <summary>The next value, or false at the end of the input.</summary>
    /// <exception cref="IOException">Reading the input failed.</exception>
    public bool Next(out ScannedValue value)
    {
        value = default;
        while (!stopped)
        {
            if (linesToSkip > 0 && !SkipLines())
            {
                if (endOfInput)
                {
                    return false;
                }
                Refill();
                continue;
            }
            Step step;
            try
            {
                step = TakeStep(out value);
            }
            catch (JsonException e)
            {
                value = SyntaxError(e);
                return true;
            }
            switch (step)
            {
                case Step.Yield:
                    return true;
                case Step.End:
                    return false;
                case Step.NeedData when endOfInput:
                    // The reader reports incomplete input at the end of a final block as an exception, so this is only
                    // reached with nothing left but whitespace.
                    return false;
                case Step.NeedData:
                    Refill();
                    break;
            }
        }
        return false;
    }

    /// <summary>Reads one token (or one whole value) and commits it; nothing is committed when more data is needed.</summary>
    private Step TakeStep(out ScannedValue value)
    {
        value = default;
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), endOfInput, state);
        if (!reader.Read())
        {
            return endOfInput && containers.Count == 0 ? Step.End : Step.NeedData;
        }
        var topLevel = containers.Count == 0;
        Step step;
        if (!topLevel && containers.Peek())
        {
            step = ObjectMember(ref reader, out value);
        }
        else if (!topLevel && reader.TokenType == JsonTokenType.EndArray)
        {
            containers.Pop();
            step = Step.Continue;
        }
        else
        {
            if (topLevel)
            {
                topLevelLine = LineAt((int)reader.TokenStartIndex);
                response++;
            }
            step = Value(ref reader, out value);
            if (step == Step.NeedData && topLevel)
            {
                response--;
            }
        }
        if (step != Step.NeedData)
        {
            Commit((int)reader.BytesConsumed, reader.CurrentState);
        }
        return step;
    }

    /// <summary>A member of a walked object: streamed properties are scanned, others skipped.</summary>
    private Step ObjectMember(ref Utf8JsonReader reader, out ScannedValue value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            containers.Pop();
            return Step.Continue;
        }
        var streamed = streamedProperties.Contains(reader.GetString()!);
        if (!reader.Read())
        {
            return Step.NeedData;
        }
        if (streamed)
        {
            return Value(ref reader, out value);
        }
        return reader.TrySkip() ? Step.Continue : Step.NeedData;
    }

    /// <summary>At the first token of a value: enters an array, parses a small value whole, or walks a large object.</summary>
    private Step Value(ref Utf8JsonReader reader, out ScannedValue value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            containers.Push(false);
            return Step.Continue;
        }
        var tokenStart = (int)reader.TokenStartIndex;
        var whole = reader;
        if (!whole.TrySkip())
        {
            if (reader.TokenType == JsonTokenType.StartObject && end - start >= MaxWholeObject)
            {
                containers.Push(true);
                return Step.Continue;
            }
            return Step.NeedData;
        }
        reader = whole;
        var memory = buffer.AsMemory(start + tokenStart, (int)reader.BytesConsumed - tokenStart);
        value = new ScannedValue(JsonDocument.Parse(memory, DocumentOptions), memory, LineAt(tokenStart), response, null, containers.Count == 0);
        return Step.Yield;
    }

    private void Commit(int consumed, JsonReaderState newState)
    {
        line += buffer.AsSpan(start, consumed).Count((byte)'\n');
        start += consumed;
        state = newState;
    }

    /// <summary>The line of the byte at <paramref name="offset"/> past the committed position.</summary>
    private long LineAt(int offset) => line + buffer.AsSpan(start, offset).Count((byte)'\n');

    private ScannedValue SyntaxError(JsonException e)
    {
        var errorLine = stateFirstLine + (e.LineNumber ?? 0);
        var lineText = LineText(errorLine);
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = "invalid JSON: " + (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        var error = RecordError.At(file, errorLine, null, message, lineText);
        // One-line values (JSON Lines) resume at the next line; a broken multi-line document stops here.
        if (errorLine == topLevelLine)
        {
            containers.Clear();
            state = new JsonReaderState(Options);
            linesToSkip = errorLine - line + 1;
        }
        else
        {
            stopped = true;
        }
        return new ScannedValue(null, default, errorLine, response, error);
    }

    /// <summary>The buffered text of line <paramref name="number"/> (as much of it as is buffered), for error messages.</summary>
    private string LineText(long number)
    {
        var span = buffer.AsSpan(start, end - start);
        for (var l = line; l < number; l++)
        {
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return "";
            }
            span = span[(newline + 1)..];
        }
        var endOfLine = span.IndexOf((byte)'\n');
        var text = endOfLine < 0 ? span : span[..endOfLine];
        return Encoding.UTF8.GetString(text[..Math.Min(text.Length, RecordError.MaxTextLength * 4)]).TrimEnd('\r');
    }

    /// <summary>Drops input up to the end of the broken line; false when the buffer does not reach it yet.</summary>
    private bool SkipLines()
    {
        while (linesToSkip > 0)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                start = end;
                return false;
            }
            start += newline + 1;
            line++;
            linesToSkip--;
        }
        stateFirstLine = line;
        return true;
    }

    /// <summary>Moves the uncommitted bytes to the front, grows the buffer when they fill it, and reads more input.</summary>
    private void Refill()
    {
        var pending = end - start;
        if (pending > buffer.Length / 2)
        {
            var grown = new byte[buffer.Length * 2];
            buffer.AsSpan(start, pending).CopyTo(grown);
            buffer = grown;
        }
        else if (start > 0)
        {
            buffer.AsSpan(start, pending).CopyTo(buffer);
        }
        start = 0;
        end = pending;
        var read = input.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfInput = true;
        }
        end += read;
    }
}
