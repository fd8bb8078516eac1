using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Resonance.Cli;

/// <summary>Where a command writes: rich output (tables, progress bars) when a person is watching, plain text otherwise.</summary>
/// <param name="Out">Human-readable output.</param>
/// <param name="Json">Raw standard output, for <c>--json</c>.</param>
/// <param name="Error">Errors and plain progress lines.</param>
/// <param name="Interactive">True when standard error is a terminal: show live progress bars.</param>
public sealed record CliConsole(IAnsiConsole Out, TextWriter Json, TextWriter Error, bool Interactive)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The process's own console.</summary>
    public static CliConsole FromProcess()
    {
        var interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = PlainWidth; // do not wrap lines written to files and pipes at 80 columns
        }
        return new(AnsiConsole.Console, Console.Out, Console.Error, interactive);
    }

    private const int PlainWidth = 200;

    /// <summary>A console that writes plain text to the given writers (tests, pipes).</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = PlainWidth;
        return new(console, output, error, Interactive: false);
    }

    /// <summary>Writes a value as indented snake_case JSON on standard output.</summary>
    public void WriteJson<T>(T value)
    {
        Json.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        Json.Flush();
    }

    /// <summary>Writes an error line: <c>error: message</c>.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}
