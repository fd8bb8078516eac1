using Resonance.Ingest.Formats.Bluesky;

namespace Resonance.Ingest.Tests.Formats.Bluesky;

/// <summary>The CID check's SHA-256 (direct OpenSSL calls where libcrypto.so.3 is present) against .NET's own.</summary>
public class Sha256DigestTests
{
    [Fact]
    public void Hash_EveryBlockOfTheSampleCars_AndEveryLengthUpTo600_MatchesTheManagedDigest()
    {
        var inputs = new List<byte[]>();
        foreach (var file in new[] { "paul_staging.repo.car", "bnewbold.robocracy.org.20250310005405.car", "greenground.repo.car" })
        {
            using var stream = File.OpenRead(BlueskyCarReaderTests.Sample(file));
            var car = new CarReader(stream);
            while (car.TryRead(out var block))
            {
                inputs.Add(block.Data.ToArray());
            }
        }
        var random = new Random(20261126);
        for (var length = 0; length <= 600; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            inputs.Add(bytes);
        }
        Span<byte> fast = stackalloc byte[32];
        Span<byte> managed = stackalloc byte[32];

        var mismatches = 0;
        foreach (var input in inputs)
        {
            Sha256Digest.Hash(input, fast);
            Sha256Digest.HashManaged(input, managed);
            mismatches += fast.SequenceEqual(managed) ? 0 : 1;
        }

        Assert.Equal(458 + 56 + 4 + 601, inputs.Count);
        Assert.Equal(0, mismatches);
    }
}
