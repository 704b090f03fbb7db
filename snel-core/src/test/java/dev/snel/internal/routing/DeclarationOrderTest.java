package dev.snel.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class-file reader behind route order: javac writes methods in source order. */
class DeclarationOrderTest {

  static class Methods {
    void m(String s) {}

    static long b() {
      return 1L; // a long constant: two constant pool entries
    }

    double a() {
      return 2.5;
    }

    void m(int i) {}

    String c() {
      return "c";
    }
  }

  @Test
  void methods_come_in_the_order_of_the_source_overloads_included() {
    assertThat(names(DeclarationOrder.methods(Methods.class)))
        .containsExactly("m(String)", "b()", "a()", "m(int)", "c()");
  }

  @Test
  void a_class_without_a_class_file_has_its_methods_by_name_then_signature() throws Exception {
    byte[] bytes;
    try (InputStream in = Methods.class.getResourceAsStream("DeclarationOrderTest$Methods.class")) {
      bytes = in.readAllBytes();
    }
    Class<?> hidden = MethodHandles.lookup().defineHiddenClass(bytes, false).lookupClass();

    assertThat(names(DeclarationOrder.methods(hidden)))
        .containsExactly("a()", "b()", "c()", "m(int)", "m(String)");
  }

  private static List<String> names(List<Method> methods) {
    return methods.stream()
        .map(
            m ->
                m.getName()
                    + "("
                    + String.join(
                        ",",
                        Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList())
                    + ")")
        .toList();
  }
}
