using Markdig;

namespace Resonance.Server.Hosting;

/// <summary>The public methodology page: <c>docs/scoring.md</c> of this build (embedded), rendered once with Markdig.
/// Raw HTML in the document is not passed through.</summary>
public sealed class MethodologyDocument
{
    /// <summary>Loads and renders the embedded document.</summary>
    public MethodologyDocument()
    {
        using var stream = typeof(MethodologyDocument).Assembly.GetManifestResourceStream("docs/scoring.md")
            ?? throw new InvalidOperationException("docs/scoring.md is not embedded in this build.");
        using var reader = new StreamReader(stream);
        Markdown = reader.ReadToEnd();
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
        Html = Markdig.Markdown.ToHtml(Markdown, pipeline);
    }

    /// <summary>The source text.</summary>
    public string Markdown { get; }

    /// <summary>The rendered HTML.</summary>
    public string Html { get; }
}
