global using Shouldly;
global using Xunit;
global using static Microsoft.Playwright.Assertions;
