package dev.baton.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class SharedTypePoolsTest {

  private final SharedTypePools pools = new SharedTypePools();

  @Test
  void oneCachePerClassLoaderAndOneForTheBootstrapLoader() throws IOException {
    try (URLClassLoader a = new URLClassLoader(new URL[0]); URLClassLoader b = new URLClassLoader(new URL[0])) {
      assertThat(pools.locate(a)).isSameAs(pools.locate(a));
      assertThat(pools.locate(a)).isNotSameAs(pools.locate(b));
      assertThat(pools.locate(null)).isSameAs(pools.locate(null)).isNotSameAs(pools.locate(a));
    }
  }

  @Test
  void keepsResolvedTypesButNotMissingOnes() {
    TypePool.CacheProvider cache = pools.locate(null);
    TypePool.Resolution found = new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(String.class));
    assertThat(cache.register("java.lang.String", found)).isSameAs(found);
    assertThat(cache.find("java.lang.String")).isSameAs(found);

    cache.register("com.example.Missing", new TypePool.Resolution.Illegal("com.example.Missing"));
    assertThat(cache.find("com.example.Missing")).isNull();
  }

  @Test
  void isEmptiedWhenFullSoThatItStaysBounded() {
    TypePool.CacheProvider cache = pools.locate(null);
    TypePool.Resolution resolution = new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(Object.class));
    for (int i = 0; i < SharedTypePools.MAX_TYPES_PER_LOADER; i++) {
      cache.register("type" + i, resolution);
    }
    assertThat(cache.find("type0")).isNotNull();
    cache.register("one.too.Many", resolution);
    assertThat(cache.find("type0")).isNull();
    assertThat(cache.find("one.too.Many")).isSameAs(resolution);
  }

  @Test
  void describesAClassBeingLoadedWithoutReadingItsClassFileUntilAMatcherNeedsMore() throws IOException {
    List<String> read = new ArrayList<>();
    ClassFileLocator system = ClassFileLocator.ForClassLoader.ofSystemLoader();
    ClassFileLocator counting = new ClassFileLocator() {
      @Override
      public Resolution locate(String name) throws IOException {
        read.add(name);
        return system.locate(name);
      }

      @Override
      public void close() {}
    };
    TypePool pool = pools.typePool(counting, null);

    TypeDescription description = LazyDescriptions.INSTANCE.apply(
        "java.util.ArrayList", null, pool, null, null, null);
    assertThat(description.getName()).isEqualTo("java.util.ArrayList");
    assertThat(read).isEmpty();

    assertThat(description.isInterface()).isFalse();
    assertThat(read).contains("java.util.ArrayList");
  }
}
