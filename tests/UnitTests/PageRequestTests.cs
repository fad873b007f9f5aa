using VideoTube.Application.Common.Models;

namespace VideoTube.UnitTests;

public sealed class PageRequestTests
{
    [TestCase(null, null, 1, 10)]
    [TestCase("2", "5", 2, 5)]
    [TestCase("-3", "0", 3, 10)]
    [TestCase("abc", "-1", 1, 10)]
    [TestCase("1", "100000", 1, PageRequest.MaxLimit)]
    [TestCase("99999999999", "x", 1, 10)]
    public void Parse_is_lenient_like_aggregate_paginate_but_capped(string? page, string? limit, int expectedPage, int expectedLimit)
    {
        var request = PageRequest.Parse(page, limit);
        Assert.That(request, Is.EqualTo(new PageRequest(expectedPage, expectedLimit)));
    }

    [Test]
    public void Paginated_list_reports_the_aggregate_paginate_fields()
    {
        var list = new PaginatedList<int>([1, 2], TotalDocs: 12, Limit: 5, Page: 2);
        Assert.Multiple(() =>
        {
            Assert.That(list.TotalPages, Is.EqualTo(3));
            Assert.That(list.PagingCounter, Is.EqualTo(6));
            Assert.That(list.HasPrevPage && list.HasNextPage, Is.True);
            Assert.That((list.PrevPage, list.NextPage), Is.EqualTo(((int?)1, (int?)3)));
        });
        Assert.That(new PaginatedList<int>([], 0, 10, 1).TotalPages, Is.EqualTo(1));
    }
}
