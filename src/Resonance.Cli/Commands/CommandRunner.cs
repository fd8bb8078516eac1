using Resonance.Application.Importing;
using Resonance.Application.Topics;
using Resonance.Storage;

namespace Resonance.Cli.Commands;

/// <summary>Runs a command body and maps the failures every command shares to messages and exit codes, in one place.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, DatabaseLocation? location, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ImportFailedException e)
        {
            console.Fail(e.Message);
            return ExitCodes.DataError;
        }
        catch (OperationCanceledException)
        {
            console.Fail("cancelled; nothing was written.");
            return ExitCodes.Cancelled;
        }
        catch (TaxonomyFormatException e)
        {
            // A bad --taxonomy file is bad input data, found before anything is written.
            console.Fail(e.Message);
            return ExitCodes.DataError;
        }
        catch (FormatException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (FileNotFoundException e)
        {
            console.Fail($"cannot read {e.FileName ?? e.Message}: file not found.");
            return ExitCodes.NoInput;
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not FileNotFoundException)
        {
            console.Fail($"{e.Message} Nothing was imported.");
            return ExitCodes.IoError;
        }
        catch (Exception e) when (location is not null && StoreAccess.TryDescribe(e, location, out var message))
        {
            console.Fail(message);
            return ExitCodes.Unavailable;
        }
    }
}
