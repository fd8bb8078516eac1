using Resonance.Domain;
using Resonance.Ingest;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Topics;

/// <summary>Posts read from a real sample in shared/data through the real reader of its format.</summary>
internal static class SamplePosts
{
    /// <summary>Every post in <paramref name="relativePath"/> (a file or folder under shared/data) read as <paramref name="format"/>.</summary>
    public static List<Post> Read(string format, string relativePath)
    {
        var reader = RecordReaders.Get(format);
        IEnumerable<SourceRecord> records;
        if (reader is IPathRecordReader pathReader)
        {
            var path = relativePath.EndsWith('/') ? Path.GetDirectoryName(SharedData.File(relativePath + "SOURCE.md"))! : SharedData.File(relativePath);
            records = pathReader.ReadPath(path, new ReaderOptions(), new ReadProgress()).ToList();
        }
        else
        {
            var path = SharedData.File(relativePath);
            using var file = InputFiles.OpenText(path);
            records = reader.Read(file.Reader, path, new ReaderOptions()).ToList();
        }

        return [.. records.Where(r => r.Post is not null).Select(r => r.Post!)];
    }

    /// <summary>The post with external id <paramref name="id"/>.</summary>
    public static Post ById(this List<Post> posts, string id) => posts.Single(p => p.ExternalId == id);
}
