using System.Text;
using Kubelike.ApiMachinery.OpenApi;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.OpenApi;

/// <summary>The documents checked in under <c>api-spec/openapi/</c> are the ones the generator makes today (<c>make openapi</c>).</summary>
public class OpenApiCheckedInDocumentsTests
{
    private static string Directory()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kubelike.sln")))
                return Path.Combine(directory.FullName, "api-spec", "openapi");
        }
        throw new DirectoryNotFoundException("the repository root (Kubelike.sln) is not above " + TestContext.CurrentContext.TestDirectory);
    }

    [Test]
    public void Checked_in_documents_are_up_to_date()
    {
        var directory = Directory();
        var generator = new OpenApiDocumentGenerator(ResourceRegistry.BuiltIn);
        var expected = generator.GroupVersionPaths.ToDictionary(OpenApiDocumentGenerator.FileNameOf, path => path);
        var present = System.IO.Directory.GetFiles(directory, "*_openapi.json").Select(Path.GetFileName).ToList();

        Assert.That(present, Is.EquivalentTo(expected.Keys), $"the files in {directory} are not one per served group-version; run `make openapi`");
        foreach (var (fileName, groupVersion) in expected)
        {
            var generated = Encoding.UTF8.GetString(OpenApiDocumentGenerator.Serialize(generator.Generate(groupVersion)!, indented: true));
            var checkedIn = File.ReadAllText(Path.Combine(directory, fileName));
            Assert.That(checkedIn == generated, Is.True, $"{fileName} is stale; run `make openapi` and commit the result");
        }
    }
}
