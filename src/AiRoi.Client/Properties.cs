using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("AiRoi.Client.Tests")]
