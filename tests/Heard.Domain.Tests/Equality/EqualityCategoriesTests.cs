using Heard.Domain.Equality;

namespace Heard.Domain.Tests.Equality;

public sealed class EqualityCategoriesTests
{
    [Fact]
    public void Every_question_offers_prefer_not_to_say_and_has_unique_codes()
    {
        foreach (var question in EqualityCategories.Questions)
        {
            Assert.Contains(question.Categories, c => c.Code == EqualityCategories.PreferNotToSay);
            Assert.Equal(question.Categories.Count, question.Categories.Select(c => c.Code).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(0, "under-10")]
    [InlineData(9, "under-10")]
    [InlineData(10, "10-15")]
    [InlineData(17, "16-17")]
    [InlineData(18, "18-24")]
    [InlineData(64, "55-64")]
    [InlineData(65, "65-plus")]
    public void Ages_fall_in_the_bands_the_forms_ask_for(int years, string band)
    {
        Assert.Equal(band, EqualityCategories.AgeBandOf(years));
        Assert.NotNull(EqualityCategories.AgeBand.Find(band));
    }
}
