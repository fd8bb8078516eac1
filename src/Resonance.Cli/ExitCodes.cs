namespace Resonance.Cli;

/// <summary>Process exit codes, following BSD sysexits.h where one fits.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A command-line mistake (unknown format, missing required option).</summary>
    public const int Usage = 64;
    /// <summary>Malformed input data (EX_DATAERR); nothing was written.</summary>
    public const int DataError = 65;
    /// <summary>An input file does not exist or cannot be read (EX_NOINPUT).</summary>
    public const int NoInput = 66;
    /// <summary>The database cannot be reached or needs migrating (EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;
    /// <summary>An output file could not be written (EX_CANTCREAT).</summary>
    public const int CannotCreate = 73;
    /// <summary>An input file is corrupt or could not be read to the end (EX_IOERR).</summary>
    public const int IoError = 74;
    /// <summary>Interrupted by the user.</summary>
    public const int Cancelled = 130;
}
