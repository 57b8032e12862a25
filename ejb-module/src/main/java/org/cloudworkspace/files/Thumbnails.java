package org.cloudworkspace.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.cloudworkspace.common.error.DomainException;

/**
 * Small PNG pictures of image files for the file manager's lists. One is made on its first request from the file's
 * blob and kept as a derived file of that blob ({@link BlobStore#derivedPath}): a blob never changes, so neither does
 * its thumbnail, and it goes when the blob goes. Only what the JDK decodes (PNG, JPEG, GIF, BMP); a picture over
 * {@link #MAX_PIXELS} is not decoded (a small file can claim huge dimensions), large ones are read subsampled, and at
 * most two are made at once.
 */
@ApplicationScoped
public class Thumbnails {

  /** The edge lengths offered, in pixels: 64 for lists (32 CSS pixels on a dense screen), 256 for larger views. */
  public static final List<Integer> SIZES = List.of(64, 256);

  static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");

  /** Pictures with more pixels are not decoded: 50 megapixels, more than any camera's photo. */
  static final long MAX_PIXELS = 50_000_000L;

  private final Semaphore makers = new Semaphore(2);

  @Inject BlobStore blobs;

  /** Whether files of this type get thumbnails. */
  public static boolean supports(String mimeType) {
    return mimeType != null && TYPES.contains(mimeType);
  }

  /**
   * The thumbnail of the file, made now if there is none yet: a PNG at most {@code size} pixels wide and high, the
   * picture's proportions kept, never larger than the picture.
   *
   * @throws DomainException NOT_FOUND when the file is no picture the server can read, UNAVAILABLE when the server is
   *     too busy making others
   */
  public Path of(FileSource file, int size) {
    if (!SIZES.contains(size)) {
      throw new IllegalArgumentException("size " + size);
    }
    if (!supports(file.mimeType())) {
      throw noThumbnail(file.name(), "it is not a picture the server makes thumbnails of (PNG, JPEG, GIF, BMP)");
    }
    Path target = blobs.derivedPath(file.blobId(), "thumb-" + size + ".png");
    if (isMade(target)) {
      return target;
    }
    boolean acquired;
    try {
      acquired = makers.tryAcquire(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new DomainException(DomainException.Kind.UNAVAILABLE, "Busy",
          "The server is busy making other thumbnails; try again in a moment.");
    }
    try {
      if (!isMade(target)) {
        BufferedImage picture = render(file, size);
        store(picture, target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Making a thumbnail failed", e);
    } finally {
      makers.release();
    }
  }

  private BufferedImage render(FileSource file, int size) throws IOException {
    try (FileChannel channel = blobs.channel(file.blobId())) {
      if (channel != null) {
        return render(new ChannelImageInputStream(channel), size, file.name());
      }
    } catch (NoSuchFileException e) {
      throw noThumbnail(file.name(), "its content is missing from storage");
    }
    try (InputStream in = blobs.open(file.blobId())) {
      return render(new MemoryCacheImageInputStream(in), size, file.name());
    }
  }

  /** Decodes the first picture of {@code in}, subsampled when it is much larger than needed, and scales it down. */
  static BufferedImage render(ImageInputStream in, int size, String name) throws IOException {
    try (in) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw noThumbnail(name, "its content is not a picture the server can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
          throw noThumbnail(name, "the picture is larger than " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Every step-th pixel still leaves at least four times the thumbnail's edge to scale down from.
        int step = Math.max(1, Math.max(width, height) / (size * 4));
        param.setSourceSubsampling(step, step, 0, 0);
        return scale(reader.read(0, param), size);
      } catch (DomainException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // Broken or unusual files (truncated, CMYK JPEG, bad palette) throw all sorts of exceptions from the decoders.
        throw noThumbnail(name, "the picture could not be read (" + e.getClass().getSimpleName() + ")");
      } finally {
        reader.dispose();
      }
    }
  }

  /** The picture scaled to fit {@code size}, in halving steps for a smooth result; never enlarged. */
  static BufferedImage scale(BufferedImage source, int size) {
    double ratio = Math.min(1.0, (double) size / Math.max(source.getWidth(), source.getHeight()));
    int width = Math.max(1, (int) Math.round(source.getWidth() * ratio));
    int height = Math.max(1, (int) Math.round(source.getHeight() * ratio));
    BufferedImage current = source;
    int currentWidth = source.getWidth();
    int currentHeight = source.getHeight();
    while (currentWidth / 2 >= width && currentHeight / 2 >= height) {
      currentWidth /= 2;
      currentHeight /= 2;
      current = draw(current, currentWidth, currentHeight);
    }
    if (currentWidth != width || currentHeight != height || current.getType() != BufferedImage.TYPE_INT_ARGB) {
      current = draw(current, width, height);
    }
    return current;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** Written to a temp file beside the target and renamed, so a reader never sees half a thumbnail. */
  private static void store(BufferedImage picture, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + UUID.randomUUID() + ".tmp");
    try {
      if (!ImageIO.write(picture, "png", temp.toFile())) {
        throw new IOException("No PNG writer");
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean isMade(Path target) {
    try {
      return Files.size(target) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static DomainException noThumbnail(String name, String why) {
    return new DomainException(DomainException.Kind.NOT_FOUND, "No thumbnail",
        "There is no thumbnail of '" + name + "': " + why + ".");
  }

  /** What a thumbnail needs of a file. */
  public record FileSource(String name, String blobId, String mimeType, String etag) {}

  /** A seekable image stream over a file channel: the decoders jump around without anything read into memory. */
  static final class ChannelImageInputStream extends ImageInputStreamImpl {

    private final FileChannel channel;

    ChannelImageInputStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      checkClosed();
      bitOffset = 0;
      if (length == 0) {
        return 0;
      }
      int n = channel.read(ByteBuffer.wrap(buffer, offset, length), streamPos);
      if (n > 0) {
        streamPos += n;
      }
      return n;
    }

    @Override
    public long length() {
      try {
        return channel.size();
      } catch (IOException e) {
        return -1;
      }
    }
  }
}
