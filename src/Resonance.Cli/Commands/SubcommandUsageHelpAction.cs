using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace Resonance.Cli.Commands;

/// <summary>Help whose usage line is true for a subcommand of a command that takes arguments: System.CommandLine writes
/// the parent's arguments into the subcommand's usage (<c>resonance topics &lt;account&gt; extract</c>) although the
/// subcommand takes none of them (<c>resonance topics extract</c>). This writes System.CommandLine's help with those
/// arguments left out of the usage line; everything else is as System.CommandLine writes it.</summary>
/// <param name="inner">System.CommandLine's help action.</param>
internal sealed partial class SubcommandUsageHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    /// <summary>Replaces the action of <paramref name="root"/>'s help option (recursive: every command's help).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new SubcommandUsageHelpAction((HelpAction)help.Action!);
    }

    /// <inheritdoc/>
    public override bool ClearsParseErrors => inner.ClearsParseErrors;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var config = parseResult.InvocationConfiguration;
        var output = config.Output;
        using var help = new StringWriter();
        config.Output = help;
        int code;
        try
        {
            code = inner.Invoke(parseResult);
        }
        finally
        {
            config.Output = output;
        }

        output.Write(WithoutParentArguments(help.ToString(), parseResult.CommandResult.Command));
        return code;
    }

    /// <summary><paramref name="help"/> made true for <paramref name="command"/>: the arguments of its parent commands left
    /// out of the usage path (<c>topics &lt;account&gt; extract</c> becomes <c>topics extract</c>) and, for a command that
    /// takes none of its own, out of the Arguments section; a command with both arguments and subcommands gets a usage line
    /// for each form (<c>topics &lt;account&gt; [options]</c>, <c>topics [command] [options]</c>).</summary>
    internal static string WithoutParentArguments(string help, Command command)
    {
        var written = new List<string>();
        var path = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            var labels = c == command ? [] : Labels(c);
            written.Insert(0, string.Join(' ', [c.Name, .. labels]));
            path.Insert(0, c.Name);
        }

        var name = string.Join(' ', path.Skip(1)); // after the program's own name, which the tests' host names differently
        var from = string.Join(' ', written.Skip(1));
        if (from != name)
        {
            help = help.Replace($" {from} ", $" {name} ", StringComparison.Ordinal);
            help = Labels(command).Count == 0 ? ArgumentsSection().Replace(help, "") : help;
        }

        var own = Labels(command);
        return own.Count > 0 && command.Subcommands.Count > 0
            ? help.Replace($" {name} {string.Join(' ', own)} [command] [options]", $" {name} {string.Join(' ', own)} [options]\n  {path[0]} {name} [command] [options]", StringComparison.Ordinal)
            : help;
    }

    private static List<string> Labels(Command command) => [.. command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.HelpName ?? a.Name}>")];

    [GeneratedRegex(@"(?m)^Arguments:\n(?:  .*\n)+\n")]
    private static partial Regex ArgumentsSection();
}
