using VideoTube.Infrastructure.Processing;

namespace VideoTube.UnitTests;

public sealed class HlsLadderTests
{
    private static readonly int[] Ladder = [240, 480, 720, 1080];

    [TestCase(2160, new[] { 240, 480, 720, 1080 })]
    [TestCase(1080, new[] { 240, 480, 720, 1080 })]
    [TestCase(720, new[] { 240, 480, 720 })]
    [TestCase(360, new[] { 240, 360 })]
    [TestCase(180, new[] { 180 })]
    [TestCase(361, new[] { 240, 360 })]
    public void The_ladder_never_goes_above_the_source_height(int sourceHeight, int[] expected)
    {
        Assert.That(HlsLadder.For(sourceHeight, Ladder).Select(r => r.Height), Is.EqualTo(expected));
    }

    [TestCase("out_time_us=3000000", 6.0, 50)]
    [TestCase("out_time_us=0", 6.0, 0)]
    [TestCase("out_time_us=6100000", 6.0, 99)]
    [TestCase("out_time_us=-5", 6.0, 0)]
    public void Progress_is_read_from_ffmpeg_progress_lines(string line, double duration, int expected)
    {
        Assert.That(HlsLadder.ProgressFrom(line, duration), Is.EqualTo(expected));
    }

    [TestCase("frame=12")]
    [TestCase("out_time_us=N/A")]
    [TestCase("progress=continue")]
    public void Other_progress_lines_say_nothing(string line)
    {
        Assert.That(HlsLadder.ProgressFrom(line, 6.0), Is.Null);
    }

    [Test]
    public void A_source_without_audio_maps_no_audio_streams()
    {
        var args = HlsLadder.Arguments("in.mp4", "out", HlsLadder.For(720, Ladder), hasAudio: false, new FfmpegOptions());
        Assert.Multiple(() =>
        {
            Assert.That(args, Does.Not.Contain("0:a:0"));
            Assert.That(args, Does.Contain("v:0,name:240p v:1,name:480p v:2,name:720p"));
        });
    }

    [Test]
    public void Threads_are_passed_only_when_set()
    {
        var ladder = HlsLadder.For(480, Ladder);
        Assert.Multiple(() =>
        {
            Assert.That(HlsLadder.Arguments("in", "out", ladder, true, new FfmpegOptions()), Does.Not.Contain("-threads"));
            Assert.That(HlsLadder.Arguments("in", "out", ladder, true, new FfmpegOptions { Threads = 2 }), Does.Contain("-threads"));
        });
    }
}

public sealed class MediaProbeTests
{
    [Test]
    public void A_video_with_audio_is_described()
    {
        var probe = MediaProbe.Parse("""
            {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":360},
                        {"codec_type":"audio","codec_name":"aac"}],
             "format":{"duration":"6.020000"}}
            """);
        Assert.That(probe, Is.EqualTo(new ProbeResult(6.02, 640, 360, "h264", "aac")));
    }

    [TestCase("""{"streams":[{"codec_type":"audio","codec_name":"mp3"}],"format":{"duration":"3.0"}}""", "no video stream")]
    [TestCase("""{"streams":[{"codec_type":"video","codec_name":"mjpeg","width":64,"height":64,"disposition":{"attached_pic":1}}],"format":{"duration":"3.0"}}""", "no video stream")]
    [TestCase("""{"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":360}],"format":{}}""", "no duration")]
    [TestCase("""{"streams":[{"codec_type":"video","codec_name":"h264"}],"format":{"duration":"3.0"}}""", "no picture size")]
    [TestCase("not json", "not a playable video")]
    public void What_is_not_a_playable_video_is_said_clearly(string json, string reason)
    {
        Assert.That(() => MediaProbe.Parse(json), Throws.TypeOf<UnplayableVideoException>().With.Message.Contains(reason));
    }
}
