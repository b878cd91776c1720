package dev.plinth.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/** Moves compiled classes from one package into another, rewriting every reference, with ASM. */
final class Repackage {
    private Repackage() {
    }

    /** {@code classes} (entry path to bytes) with package {@code from} renamed {@code to}; other entries unchanged. */
    static Map<String, byte[]> into(Map<String, byte[]> classes, String from, String to) {
        String fromPath = from.replace('.', '/') + "/";
        String toPath = to.replace('.', '/') + "/";
        Remapper remapper = new Remapper(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public String map(String internalName) {
                return internalName.startsWith(fromPath) && internalName.indexOf('/', fromPath.length()) < 0
                        ? toPath + internalName.substring(fromPath.length()) : internalName;
            }
        };
        Map<String, byte[]> moved = new LinkedHashMap<>();
        classes.forEach((entry, bytes) -> {
            if (!entry.endsWith(".class") || !entry.startsWith(fromPath)) {
                moved.put(entry, bytes);
                return;
            }
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(bytes).accept(new ClassRemapper(writer, remapper), 0);
            moved.put(toPath + entry.substring(fromPath.length()), writer.toByteArray());
        });
        return moved;
    }
}
