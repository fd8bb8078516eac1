namespace Resonance.Application.Topics;

/// <summary>A taxonomy text or file is malformed, or a parent is unknown or cyclic: bad input data, not a command-line
/// mistake. The message names the source, the line and the field (<c>my-topics.tsv:2: field 'parent': …</c>).</summary>
public sealed class TaxonomyFormatException : FormatException
{
    /// <summary>A taxonomy error with its message.</summary>
    public TaxonomyFormatException(string message) : base(message)
    {
    }

    /// <summary>A taxonomy error with no message.</summary>
    public TaxonomyFormatException()
    {
    }

    /// <summary>A taxonomy error with its message and cause.</summary>
    public TaxonomyFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
