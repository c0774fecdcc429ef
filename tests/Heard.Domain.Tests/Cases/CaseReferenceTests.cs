using Heard.Domain.Cases;

namespace Heard.Domain.Tests.Cases;

public class CaseReferenceTests
{
    [Fact]
    public void New_reference_has_the_type_prefix_and_two_groups_of_four()
    {
        var reference = CaseReference.New(CaseType.Complaint);

        Assert.Matches("^CMP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", reference);
    }

    [Theory]
    [InlineData(CaseType.Compliment, "CPL-")]
    [InlineData(CaseType.MpEnquiry, "MPE-")]
    [InlineData(CaseType.OmbudsmanCase, "PHS-")]
    [InlineData(CaseType.SubjectAccessRequest, "SAR-")]
    public void Each_record_type_has_its_own_prefix(CaseType type, string prefix) =>
        Assert.StartsWith(prefix, CaseReference.New(type), StringComparison.Ordinal);

    [Fact]
    public void References_never_contain_letters_that_read_as_other_characters()
    {
        var seen = new HashSet<char>();
        for (var i = 0; i < 2000; i++)
        {
            foreach (var c in CaseReference.New(CaseType.Complaint)[4..])
            {
                seen.Add(c);
            }
        }

        Assert.DoesNotContain('I', seen);
        Assert.DoesNotContain('L', seen);
        Assert.DoesNotContain('O', seen);
        Assert.DoesNotContain('U', seen);
    }

    [Fact]
    public void Two_thousand_new_references_are_all_different()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => CaseReference.New(CaseType.Complaint)).ToList();

        Assert.Equal(references.Count, references.Distinct().Count());
    }

    [Theory]
    [InlineData(" cmp-7k3m-9qtp ", "CMP-7K3M-9QTP")]
    [InlineData("CMP-7K3M-9QTO", "CMP-7K3M-9QT0")]
    [InlineData("cpl-abcl-1111", "CPL-ABC1-1111")]
    [InlineData("CMP 7K3M-9QTP", "CMP-7K3M-9QTP")]
    public void Normalise_tidies_what_a_person_typed_but_keeps_the_prefix(string typed, string expected) =>
        Assert.Equal(expected, CaseReference.Normalise(typed));
}
