package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.cloudworkspace.common.error.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {

  @TempDir Path dir;

  private FileSystemBlobStore blobs;
  private Thumbnails thumbnails;

  @BeforeEach
  void setUp() {
    blobs = new FileSystemBlobStore(dir.resolve("blobs"));
    thumbnails = new Thumbnails();
    thumbnails.blobs = blobs;
  }

  @Test
  void aPhotoBecomesASmallPngWithItsProportionsAndColours() throws Exception {
    BlobStore.StoredBlob blob = store(picture(1200, 800, "jpeg"));

    Path png = thumbnails.of(new Thumbnails.FileSource("photo.jpg", blob.id(), "image/jpeg", "\"e1\""), 64);

    BufferedImage thumbnail = ImageIO.read(png.toFile());
    assertThat(thumbnail.getWidth()).isEqualTo(64);
    assertThat(thumbnail.getHeight()).isEqualTo(43);
    // The left half of the picture is red, the right half blue.
    assertThat(new Color(thumbnail.getRGB(8, 20)).getRed()).isGreaterThan(200);
    assertThat(new Color(thumbnail.getRGB(56, 20)).getBlue()).isGreaterThan(200);
    assertThat(png).startsWith(dir.resolve("derived"));

    // Made once: the second request gets the same file.
    long made = Files.getLastModifiedTime(png).toMillis();
    Path again = thumbnails.of(new Thumbnails.FileSource("photo.jpg", blob.id(), "image/jpeg", "\"e1\""), 64);
    assertThat(again).isEqualTo(png);
    assertThat(Files.getLastModifiedTime(again).toMillis()).isEqualTo(made);
  }

  @Test
  void aThumbnailGoesWithItsBlob() throws Exception {
    BlobStore.StoredBlob blob = store(picture(300, 300, "png"));
    Path small = thumbnails.of(new Thumbnails.FileSource("a.png", blob.id(), "image/png", "\"e\""), 64);
    Path large = thumbnails.of(new Thumbnails.FileSource("a.png", blob.id(), "image/png", "\"e\""), 256);
    assertThat(small).exists();
    assertThat(large).exists();

    blobs.delete(blob.id());

    assertThat(small).doesNotExist();
    assertThat(large).doesNotExist();
    assertThat(blobs.exists(blob.id())).isFalse();
  }

  @Test
  void aSmallPictureIsNeverEnlarged() throws Exception {
    BufferedImage thumbnail = Thumbnails.render(
        ImageIO.createImageInputStream(new ByteArrayInputStream(picture(20, 10, "png"))), 256, "icon.png");

    assertThat(thumbnail.getWidth()).isEqualTo(20);
    assertThat(thumbnail.getHeight()).isEqualTo(10);
  }

  @Test
  void otherTypesBrokenFilesAndHugePicturesGetNoThumbnail() throws Exception {
    BlobStore.StoredBlob text = store("not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertNoThumbnail(new Thumbnails.FileSource("notes.txt", text.id(), "text/plain", "\"t\""), "is not a picture");
    assertNoThumbnail(
        new Thumbnails.FileSource("fake.png", text.id(), "image/png", "\"t\""), "not a picture the server can read");

    byte[] photo = picture(400, 300, "jpeg");
    BlobStore.StoredBlob truncated = store(java.util.Arrays.copyOf(photo, 200));
    assertNoThumbnail(new Thumbnails.FileSource("cut.jpg", truncated.id(), "image/jpeg", "\"c\""), "could not be read");

    // A 69-byte PNG that claims 10,000 × 10,000 pixels is refused from its header, before any pixel is decoded.
    BlobStore.StoredBlob bomb = store(pngClaiming(10_000, 10_000));
    assertNoThumbnail(
        new Thumbnails.FileSource("bomb.png", bomb.id(), "image/png", "\"b\""), "larger than 50 megapixels");

    assertThat(Files.exists(dir.resolve("derived"))
        && Files.walk(dir.resolve("derived")).anyMatch(Files::isRegularFile)).isFalse();
  }

  private void assertNoThumbnail(Thumbnails.FileSource file, String why) {
    assertThatThrownBy(() -> thumbnails.of(file, 64))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND))
        .hasMessageContaining(file.name())
        .hasMessageContaining(why);
  }

  private BlobStore.StoredBlob store(byte[] bytes) throws IOException {
    return blobs.write(new ByteArrayInputStream(bytes), bytes.length, bytes.length);
  }

  private static byte[] picture(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  /** A 1×1 PNG whose header (with a valid checksum) claims the given size. */
  private static byte[] pngClaiming(int width, int height) throws IOException {
    byte[] png = picture(1, 1, "png");
    ByteBuffer.wrap(png).putInt(16, width).putInt(20, height);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
    return png;
  }
}
