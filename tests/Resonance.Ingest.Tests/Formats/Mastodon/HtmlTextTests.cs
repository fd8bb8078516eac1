using Resonance.Ingest.Formats.Mastodon;

namespace Resonance.Ingest.Tests.Formats.Mastodon;

public class HtmlTextTests
{
    [Theory]
    [InlineData("<p>a</p><p>b</p>", "a\n\nb")]
    [InlineData("<p>one<br />two<br>three</p>", "one\ntwo\nthree")]
    [InlineData("<p>&lt;b&gt; is &quot;bold&quot; &amp; &#39;x&#39;</p>", "<b> is \"bold\" & 'x'")]
    [InlineData("<a href=\"https://x.example/?a=1&gt;2\" title='a>b'><span class=\"invisible\">https://</span><span>x.example/</span></a>", "https://x.example/")]
    [InlineData("plain text", "plain text")]
    [InlineData("<p></p>", null)]
    [InlineData("", null)]
    public void ToPlain_StripsTagsKeepsBreaksDecodesEntities(string html, string? expected) =>
        Assert.Equal(expected, HtmlText.ToPlain(html));
}
