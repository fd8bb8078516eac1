using Resonance.Cli;

return await ResonanceCli.RunAsync(args, CliConsole.FromProcess()).ConfigureAwait(false);
