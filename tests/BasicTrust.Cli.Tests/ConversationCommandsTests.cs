using BasicTrust.Cli.Commands;

namespace BasicTrust.Cli.Tests;

/// <summary><c>bt conversation --saw CLIP=TEXT</c>: which clip, and what the parent saw there.</summary>
public class ConversationCommandsTests
{
    [Fact]
    public void Changes_SplitAtTheFirstEquals_AndAnEmptyTextRemovesIt()
    {
        Assert.Equal([("p-01", "Dat hij keek = blij"), ("p-02", "")], ConversationCommands.Changes(["p-01=Dat hij keek = blij", " p-02 ="]));
    }

    [Theory]
    [InlineData("Dat hij keek")]
    [InlineData("=Dat hij keek")]
    public void Changes_WithoutAClip_SaysHowToWriteIt(string given) =>
        Assert.Contains("--saw CLIP=TEXT", Assert.Throws<FormatException>(() => ConversationCommands.Changes([given])).Message);
}
