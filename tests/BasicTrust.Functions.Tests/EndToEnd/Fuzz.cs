using System.Net.Http.Headers;
using System.Text;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>Malformed requests for the API: valid shapes with one or more parts broken.</summary>
static class Fuzz
{
    static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];
    static readonly string[] Templates = ["sessions/{0}/{1}/upload", "sessions/{0}/{1}/manifest", "sessions/{0}/{1}", "reviews", "reels/{0}/{1}", "reels/{0}/{1}/reviewed", "cases/{0}", "cases/{0}/sessions", "cases/{0}/course", "sessions/{0}/{1}/conversation", "methods/{0}", "methods/{0}?match={1}", "{0}", "{0}/{1}/{2}", "import/csv", "import/elan?tier={0}", "import/boris", "import/{0}"];
    static readonly string[] Ids = ["fam-1", "s-1", "", "..", "%2e%2e", "a%2Fb", "a%5Cb", "%00", "%0a", "%20", "FAM", "é", "%C3%A9", "%ff%fe", "a?b=c", "%25", "a;b", new string('a', 300), "-x", "x-", "0"];
    static readonly string[] ContentTypes = ["application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data", "", "application/x-www-form-urlencoded", "application/json; charset=utf-16"];
    static readonly string[] Bodies =
    [
        """{"fileName":"r.mp4","size":12}""", """{"fileName":null,"size":-1}""", """{"size":1e400}""", "[]", "null", "true", "\"x\"", "{",
        """{"schema":"basictrust.session/v1","tags":[{"start":"99:99:99.9999999","end":-1,"label":{}}]}""",
        """{"schema":"basictrust.session/v1","caseId":"fam-1","sessionId":"s-1","method":"basic-trust","recording":"r.mp4","tags":[{"start":1,"end":2,"label":"benoemen","caption":"\udfff"}],"reel":{"preRoll":"NaN"}}""",
        new string('[', 5000), "{\"a\":" + new string('1', 10000) + "}",
        // Files for import/{format}: times JSON has no number for, a wide header, deep XML, an entity, a behaviour left open.
        "start,end,label\nNaN,1e400,benoemen\nInfinity,2,x\n", "start,end,label" + string.Concat(Enumerable.Repeat(",c", 5000)) + "\n1,2,x\n",
        "<ANNOTATION_DOCUMENT>" + string.Concat(Enumerable.Repeat("<TIER TIER_ID=\"t\">", 5000)),
        """<!DOCTYPE d [<!ENTITY a "aaaa">]><ANNOTATION_DOCUMENT><TIER TIER_ID="&a;"/></ANNOTATION_DOCUMENT>""",
        "Time\tBehavior\tStatus\n1\tSpiegelen\tSTART\n2\tSpiegelen\tSTOP\n3\tLacht\tSTART\n",
    ];

    public static Func<HttpRequestMessage> Request(Random random, Uri api)
    {
        var method = Methods[random.Next(Methods.Length)];
        var path = string.Format(Templates[random.Next(Templates.Length)], Id(random), Id(random), Id(random));
        if (random.Next(4) == 0) path += "?" + Id(random) + "=" + Id(random) + (random.Next(2) == 0 ? "&until=" + Id(random) : "");
        var body = random.Next(3) == 0 ? null : Body(random);
        var contentType = ContentTypes[random.Next(ContentTypes.Length)];
        var header = random.Next(5) == 0 ? ("X-" + random.Next(1000), Uri.EscapeDataString(Id(random))) : default; // header values are ASCII
        return () =>
        {
            // Joined as text: a path starting "//" must stay a path, not become a host.
            var request = new HttpRequestMessage(new HttpMethod(method), new Uri(api.AbsoluteUri + path));
            if (body is not null && method is not ("GET" or "HEAD"))
            {
                request.Content = new ByteArrayContent(body);
                if (contentType.Length > 0 && MediaTypeHeaderValue.TryParse(contentType, out var type)) request.Content.Headers.ContentType = type;
            }
            if (header.Item1 is not null) request.Headers.TryAddWithoutValidation(header.Item1, header.Item2);
            return request;
        };
    }

    static string Id(Random random) => Ids[random.Next(Ids.Length)];

    static byte[] Body(Random random)
    {
        if (random.Next(4) == 0)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            return bytes;
        }
        var text = Bodies[random.Next(Bodies.Length)];
        if (random.Next(2) == 0 && text.Length > 0) text = text.Remove(random.Next(text.Length), 1); // one character gone
        return Encoding.UTF8.GetBytes(text);
    }
}
