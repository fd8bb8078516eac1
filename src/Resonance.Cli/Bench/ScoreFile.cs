using System.Globalization;
using System.Text;

namespace Resonance.Cli.Bench;

/// <summary>Writes a score vector as NumPy <c>.npy</c> (float64, little-endian) or as text, one value per line.</summary>
internal static class ScoreFile
{
    public static void Write(string path, double[] scores)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            // NPY format 1.0: magic, version, header length, a Python dict literal padded to a multiple of 64 bytes.
            var header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({scores.Length},), }}";
            var total = 10 + header.Length + 1;
            header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
            using var stream = File.Create(path);
            using var writer = new BinaryWriter(stream, Encoding.ASCII);
            writer.Write((byte)0x93);
            writer.Write("NUMPY"u8);
            writer.Write((byte)1);
            writer.Write((byte)0);
            writer.Write((ushort)header.Length);
            writer.Write(Encoding.ASCII.GetBytes(header));
            foreach (var s in scores)
            {
                writer.Write(s);
            }
            return;
        }
        File.WriteAllLines(path, scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
    }
}
